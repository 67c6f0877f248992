import { get as httpGet } from 'node:http'
import { get as httpsGet } from 'node:https'

/** One GET of the ready URL: whether it answered 2xx, and what it answered otherwise. */
export type UrlProbe = (url: string) => Promise<{ ok: boolean; detail: string }>

const PROBE_TIMEOUT_MS = 2_000

export const httpProbe: UrlProbe = url =>
  new Promise(resolve => {
    const get = url.startsWith('https:') ? httpsGet : httpGet
    // No keep-alive agent: a held connection would tie up a synchronous worker.
    const request = get(url, { agent: false, timeout: PROBE_TIMEOUT_MS }, response => {
      response.resume()
      const status = response.statusCode ?? 0
      resolve({ ok: status >= 200 && status < 300, detail: `HTTP ${status}` })
    })
    request.on('timeout', () =>
      request.destroy(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`))
    )
    request.on('error', error => {
      resolve({ ok: false, detail: (error as NodeJS.ErrnoException).code ?? error.message })
    })
  })
