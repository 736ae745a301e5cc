import { checkBaseUrl, type BaseUrlProblem } from '../../../shared/base-url'

// The gateway base URL the user typed, checked before any key is sent to it; the rule
// itself lives in shared/ so the settings form applies the same one.

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; message: string }

const MESSAGES: Readonly<Record<BaseUrlProblem, string>> = {
  empty: 'Enter the gateway address, e.g. https://api.example.com.',
  malformed: 'That is not a web address. It should look like https://api.example.com.',
  https:
    'The gateway address must start with https:// so your API key is encrypted on the ' +
    'way (plain http is allowed only for localhost).',
  credentials:
    'Remove the user name and password from the address; the API key goes in its own field.',
  query: 'Remove the part after ? or # from the gateway address.'
}

/** Validates and canonicalises a base URL: trims it and drops trailing slashes. */
export function validateBaseUrl(url: string): BaseUrlCheck {
  const verdict = checkBaseUrl(url)
  return verdict.ok ? verdict : { ok: false, message: MESSAGES[verdict.problem] }
}
