// One rule for "this computer" in a URL: where plain http is acceptable (the gateway base
// URL, media links and downloads in tests against the loopback simulator). The whole of
// 127.0.0.0/8 is loopback (RFC 1122 §3.2.1.3), as is ::1 (RFC 4291 §2.5.3). `hostname` is
// what WHATWG URL gives: lower-cased, IPv4 canonicalised, IPv6 in brackets.

const IPV4_LOOPBACK = /^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/

/** True when a URL's `hostname` names this computer. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || IPV4_LOOPBACK.test(hostname)
}
