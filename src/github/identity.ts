import type { CommentApi } from './client.js'
import { isTransient, statusOf } from './retry.js'

/** Author of comments written with the default Actions token. */
export const ACTIONS_BOT = 'github-actions[bot]'

/**
 * The login our comments carry. A personal token answers `GET /user`; the Actions token and app
 * tokens get 403 there, and their comments are authored by `<viewer login>[bot]`.
 */
export async function resolveIdentity(
  api: Pick<CommentApi, 'authenticatedUser' | 'viewerLogin'>
): Promise<string> {
  try {
    return await api.authenticatedUser()
  } catch (error) {
    if (statusOf(error) !== 403) throw error
  }
  try {
    const login = await api.viewerLogin()
    return login.endsWith('[bot]') ? login : `${login}[bot]`
  } catch (error) {
    if (isTransient(error)) throw error
    // GHES without GraphQL access for this token: the Actions bot is by far the likeliest author.
    return ACTIONS_BOT
  }
}
