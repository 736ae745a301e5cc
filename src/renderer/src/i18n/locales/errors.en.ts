import { fileErrorsEn } from './file-errors.en'

// What each core error code means to the user (src/shared/error-codes.ts). The core's own
// English message stays for logs and the CLI; these follow the UI language.
export const errorsEn = {
  auth_invalid_key: 'The gateway rejected the API key. Check the key in Settings.',
  auth_no_credit:
    'Your gateway account has run out of credit; top up to keep checking. Your tasks are kept.',
  auth_ip_not_allowed:
    "The gateway does not accept requests from this computer's IP address. Add it to the key's IP allow-list, or use another key.",
  auth_forbidden:
    'The gateway refused access for this account or key group. Contact your gateway provider.',
  not_found: 'It is not there any more.',
  rate_limited: 'The gateway is limiting requests. Songshelf will slow down and retry.',
  server: 'The gateway had a server error. Songshelf will retry.',
  network: 'Your network seems to be down: nothing could be sent. Songshelf will retry.',
  dns: 'No server has this host name. Check the spelling of the address.',
  refused:
    'The computer at this address answered, but nothing is listening on that port. Check the address and port, or whether the gateway is running.',
  tls: 'The secure (https) connection failed: a certificate problem, or the server does not speak https on that port.',
  timeout: 'The gateway did not answer in time. Songshelf will retry.',
  malformed: 'The gateway sent an answer Songshelf could not read.',
  not_gateway:
    'This address answered, but not like a Suno gateway (a web page or an unexpected answer).',
  bad_request: 'The gateway refused the request as invalid. Check the address in Settings.',
  internal: 'Something went wrong inside Songshelf. Please try again.',
  invalid_request: 'Songshelf refused a request it could not read.',
  unknown_method: 'Songshelf refused a request it does not know.',
  forbidden_sender: 'The request was refused.',
  unsupported: 'This needs the desktop app; it is not available here.',
  not_configured: 'Set the gateway address and API key in Settings first.',
  invalid_url: 'That is not a web address Songshelf can open.',
  invalid_base_url: 'That gateway address cannot be used. Check it in Settings.',
  invalid_folder: 'The new library folder cannot be inside the current one.',
  folder_not_chosen:
    'Choose the new library folder with the folder picker first; nothing was changed.',
  folder_not_empty:
    'The new folder already has "{{name}}". Choose an empty folder, or "rebuild" to use the files already there.',
  cross_device:
    'The new folder is on another drive. Copy the files there yourself, then choose the folder with "rebuild".',
  library_unavailable:
    'The library folder is not available. Connect the drive or choose the folder again in Settings; nothing was changed.',
  library_empty: 'The library folder holds no Songshelf songs to rebuild from.',
  data_dir_in_library: "The app's data folder cannot be inside the library folder.",
  schema_too_new: 'This library index was made by a newer Songshelf. Update Songshelf to open it.',
  not_downloaded: 'This file has not been downloaded yet.',
  invalid_tag: 'That tag cannot be used: it is empty or too long.',
  not_mp3: 'The audio file is not an mp3, so it was not tagged.',
  trash_failed: 'The files could not be moved to the trash; nothing was deleted.',
  undo_failed:
    'The files could not be put back from the trash; they are still in the library’s .trash folder.',
  index_damaged:
    'The library index holds something Songshelf cannot read, so it may be damaged. The song files are not affected: choosing the library folder again with "rebuild" in Settings builds a new index from them.',
  playlist_not_found: 'That playlist is not there any more.',
  smart_playlist: 'A smart playlist fills itself; its songs cannot be added or moved by hand.',
  not_smart: 'This playlist is not a smart playlist.',
  already_syncing:
    'Songshelf is already syncing this library (pid {{pid}} on {{host}}, started {{started}} UTC, by {{who}}).',
  invalid_path:
    'Only files and folders with a full path can be imported, and not a whole drive or Songshelf’s own data folder.',
  import_plan_gone: 'This import preview is no longer available; drop the files again.',
  import_busy: 'Another import is running; wait for it to finish.',
  upload_too_large: 'A dropped file is larger than the preview takes (64 MB, 200 files a drop).',
  upload_failed: 'The preview could not take the dropped files.',
  transport:
    'Songshelf could not be reached: it may have stopped. Start it again, then reload this page.',
  connected: 'The gateway accepted the key.',
  connected_single:
    'The gateway accepted the key. It has no batch route, so tasks are checked one at a time.',
  no_address: 'Enter the gateway address first.',
  no_key: 'Enter the API key your gateway gave you.',
  key_for_address:
    'This is not the saved gateway address, so the saved key was not sent to it. Type the key for this address, or save the address first.',
  ...fileErrorsEn
}
