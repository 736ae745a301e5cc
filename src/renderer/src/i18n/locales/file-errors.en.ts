// Why a file is not in the library (shared/error-codes.ts FILE_ERROR_CODES), shown beside
// the file kind in the clip detail and the task card. A system error name (EACCES) follows
// in brackets when there is one (params.detail).
export const fileErrorsEn = {
  file_html_page: 'The server sent a web page instead of the file.',
  file_wrong_type: 'The server sent something that is not this file (an error or another type).',
  file_truncated: 'The download was cut off before the end; it will continue later.',
  file_too_large: 'The file is larger than the size limit, so it was not saved.',
  file_http_4xx: 'The server refused to send the file.',
  file_forbidden: 'The link to the file is not allowed any more (expired or forbidden).',
  file_not_found: 'The file is no longer on the server (the link may have expired).',
  file_http_5xx: 'The server had a problem sending the file; it will be tried again.',
  file_rate_limited: 'The server asked Songshelf to slow down; the download will be tried again.',
  file_network: 'Could not reach the server. Check the internet connection.',
  file_timeout: 'The server stopped responding; the download will be tried again.',
  file_disk_full: 'Disk full: downloads are paused. Free some space and press Resume.',
  file_aborted: 'The download was stopped; it will continue where it left off.',
  file_range_mismatch: 'The server sent the wrong part of the file; the download will start over.',
  file_invalid_url: 'The link to the file is not a downloadable https address.',
  file_io: 'Could not write the file into the library folder.',
  file_not_verified:
    'The file in the library folder is not what was downloaded (another program changed it); it will be downloaded again.',
  file_library_missing:
    'The library folder is not available, so downloads are paused. Connect the drive or choose another folder in Settings, then press Resume.',
  file_stream_link: 'The gateway gave a stream link; waiting for the final file.',
  file_forbidden_link: 'The gateway’s link is forbidden — ask your provider.',
  file_invalid_link: 'The gateway gave a link that is not a downloadable file.',
  file_generation_failed:
    'The generation failed, so this file will never arrive. See the task for the reason.'
}
