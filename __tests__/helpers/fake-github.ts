/**
 * A GitHub REST stand-in on 127.0.0.1 for the issue-comment endpoints the sticky comment uses,
 * answering as GitHub does: pagination with Link headers, 401/403/404/422, injectable faults.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Who a token belongs to, which decides `GET /user`, GraphQL's viewer and comment authors. */
export type TokenOwner =
  { kind: 'actions' } | { kind: 'personal'; login: string } | { kind: 'app'; slug: string }

export interface Author {
  login: string
  type: 'User' | 'Bot'
}

export interface StoredComment {
  id: number
  owner: string
  repo: string
  issue: number
  body: string
  user: Author
  createdAt: string
  updatedAt: string
}

export type Route = 'user' | 'graphql' | 'list' | 'create' | 'update'

export interface RecordedRequest {
  method: string
  path: string
  route: Route | null
  status: number
}

/** GitHub caps `per_page` at 100 and answers 30 per page without it. */
const MAX_PER_PAGE = 100
const DEFAULT_PER_PAGE = 30
const MAX_BODY = 65_536

const MESSAGES: Record<number, string> = {
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable'
}

export const ACTIONS_BOT: Author = { login: 'github-actions[bot]', type: 'Bot' }

function authorOf(owner: TokenOwner): Author {
  switch (owner.kind) {
    case 'actions':
      return ACTIONS_BOT
    case 'personal':
      return { login: owner.login, type: 'User' }
    case 'app':
      return { login: `${owner.slug}[bot]`, type: 'Bot' }
  }
}

function viewerOf(owner: TokenOwner): string {
  switch (owner.kind) {
    case 'actions':
      return 'github-actions'
    case 'personal':
      return owner.login
    case 'app':
      return owner.slug
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export class FakeGitHub {
  readonly comments: StoredComment[] = []
  readonly requests: RecordedRequest[] = []
  private readonly faults = new Map<Route, { status: number; remaining: number }>()
  private nextId = 1_000_000

  private readonly server: Server

  private constructor(private readonly tokens: Map<string, TokenOwner>) {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch(error => {
        response.writeHead(500).end(String(error))
      })
    })
  }

  /** Starts on a free port; `tokens` maps each accepted token to its owner. */
  static async start(tokens: Record<string, TokenOwner>): Promise<FakeGitHub> {
    const fake = new FakeGitHub(new Map(Object.entries(tokens)))
    await new Promise<void>(resolve => fake.server.listen(0, '127.0.0.1', resolve))
    return fake
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo
    return `http://127.0.0.1:${port}`
  }

  close(): Promise<void> {
    return new Promise(resolve => this.server.close(() => resolve()))
  }

  /** The next `times` requests to `route` get `status` instead of their answer. */
  fail(route: Route, status: number, times = Number.POSITIVE_INFINITY): void {
    this.faults.set(route, { status, remaining: times })
  }

  addComment(
    issue: { owner: string; repo: string; number: number },
    body: string,
    user: Author
  ): StoredComment {
    const now = new Date().toISOString()
    const comment: StoredComment = {
      id: this.nextId++,
      owner: issue.owner,
      repo: issue.repo,
      issue: issue.number,
      body,
      user,
      createdAt: now,
      updatedAt: now
    }
    this.comments.push(comment)
    return comment
  }

  commentsOn(owner: string, repo: string, issue: number): StoredComment[] {
    return this.comments.filter(c => c.owner === owner && c.repo === repo && c.issue === issue)
  }

  count(route: Route, method?: string): number {
    return this.requests.filter(
      r => r.route === route && (method === undefined || r.method === method)
    ).length
  }

  private rest(comment: StoredComment): object {
    const base = `${this.url}/repos/${comment.owner}/${comment.repo}`
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${base}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${comment.owner}/${comment.repo}/pull/${comment.issue}#issuecomment-${comment.id}`,
      issue_url: `${base}/issues/${comment.issue}`,
      body: comment.body,
      user: { login: comment.user.login, id: 1, type: comment.user.type },
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      author_association: comment.user.type === 'Bot' ? 'NONE' : 'MEMBER'
    }
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url)
    const method = request.method ?? 'GET'
    const body = await readBody(request)
    const route = this.route(method, url.pathname)
    const send = (status: number, data: unknown, headers: Record<string, string> = {}): void => {
      this.requests.push({
        method,
        path: url.pathname + url.search,
        route: route?.name ?? null,
        status
      })
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
      response.end(JSON.stringify(data))
    }
    const error = (status: number, extra: object = {}): void =>
      send(status, {
        message: MESSAGES[status] ?? 'Error',
        documentation_url: 'https://docs.github.com/rest',
        status: String(status),
        ...extra
      })

    const auth = /^(?:token|bearer) (.+)$/i.exec(request.headers.authorization ?? '')
    const owner = auth ? this.tokens.get(auth[1]) : undefined
    if (route === null) return error(404)
    if (owner === undefined) return error(401)

    const fault = this.faults.get(route.name)
    if (fault && fault.remaining > 0) {
      fault.remaining -= 1
      return error(fault.status)
    }

    switch (route.name) {
      case 'user':
        if (owner.kind !== 'personal') return error(403)
        return send(200, { login: owner.login, id: 1, type: 'User' })
      case 'graphql':
        if (!/viewer\s*\{\s*login\s*\}/.test(body)) return error(422)
        return send(200, { data: { viewer: { login: viewerOf(owner) } } })
      case 'list':
        return this.list(route.params, url, send)
      case 'create':
      case 'update': {
        const text = (JSON.parse(body || '{}') as { body?: unknown }).body
        if (typeof text !== 'string') return error(422)
        if (text.length > MAX_BODY) {
          return error(422, {
            errors: [
              {
                resource: 'IssueComment',
                code: 'unprocessable',
                field: 'data',
                message: `Body is too long (maximum is ${MAX_BODY} characters)`
              }
            ]
          })
        }
        if (route.name === 'create') {
          const [o, r, n] = route.params
          return send(
            201,
            this.rest(
              this.addComment({ owner: o, repo: r, number: Number(n) }, text, authorOf(owner))
            )
          )
        }
        const [o, r, id] = route.params
        const comment = this.comments.find(
          c => c.owner === o && c.repo === r && c.id === Number(id)
        )
        if (!comment) return error(404)
        comment.body = text
        comment.updatedAt = new Date().toISOString()
        return send(200, this.rest(comment))
      }
    }
  }

  private list(
    [o, r, n]: string[],
    url: URL,
    send: (status: number, data: unknown, headers?: Record<string, string>) => void
  ): void {
    const perPage = Math.min(
      Number(url.searchParams.get('per_page') ?? DEFAULT_PER_PAGE),
      MAX_PER_PAGE
    )
    const page = Number(url.searchParams.get('page') ?? 1)
    const all = this.commentsOn(o, r, Number(n))
    const last = Math.max(1, Math.ceil(all.length / perPage))
    const link = (p: number): string => {
      const target = new URL(url.pathname, this.url)
      target.searchParams.set('per_page', String(perPage))
      target.searchParams.set('page', String(p))
      return target.toString()
    }
    const links: string[] = []
    if (page < last) links.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`)
    if (page > 1) links.push(`<${link(page - 1)}>; rel="prev"`, `<${link(1)}>; rel="first"`)
    const slice = all.slice((page - 1) * perPage, page * perPage).map(c => this.rest(c))
    send(200, slice, links.length > 0 ? { link: links.join(', ') } : {})
  }

  private route(method: string, path: string): { name: Route; params: string[] } | null {
    const patterns: [string, RegExp, Route][] = [
      ['GET', /^\/user$/, 'user'],
      ['POST', /^\/graphql$/, 'graphql'],
      ['GET', /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/, 'list'],
      ['POST', /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/, 'create'],
      ['PATCH', /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/, 'update']
    ]
    for (const [verb, pattern, name] of patterns) {
      const match = pattern.exec(path)
      if (match && verb === method) return { name, params: match.slice(1) }
    }
    return null
  }
}
