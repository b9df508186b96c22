/**
 * The percent-escapes HubSpot decodes in the URI before it signs a v3 request; every other
 * escape (%20, %C3%A9, %25, …) stays as sent.
 * https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation
 */
const SIGNED_URI_ESCAPES: Readonly<Record<string, string>> = {
  '3A': ':',
  '2F': '/',
  '3F': '?',
  '40': '@',
  '21': '!',
  '24': '$',
  '27': "'",
  '28': '(',
  '29': ')',
  '2A': '*',
  '2C': ',',
  '3B': ';',
};

const ESCAPE = new RegExp(`%(${Object.keys(SIGNED_URI_ESCAPES).join('|')})`, 'gi');

/**
 * The URI as HubSpot signs it. One pass, so `%253A` stays `%253A`; hex digits in either case,
 * as RFC 3986 §2.1 makes them equivalent.
 */
export function decodeSignedUri(uri: string): string {
  return uri.replace(ESCAPE, (_escape, hex: string) => SIGNED_URI_ESCAPES[hex.toUpperCase()]!);
}
