import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { useLibraryStore } from '../../store/library-store'

/** Says when a search left the lyrics out (it looks at titles, styles, prompts and tags
 * first, issue 14 §2) and offers them: lyric matches are never hidden silently. */
export function SearchScopeNote(): JSX.Element | null {
  const { t } = useTranslation()
  const searchedIn = useLibraryStore((s) =>
    s.source.kind === 'library' && s.totalVersion === s.queryVersion ? s.searchedIn : null
  )
  const searchLyricsToo = useLibraryStore((s) => s.actions.searchLyricsToo)
  if (searchedIn !== 'fields') return null
  return (
    <p className="search-scope-note" role="status" data-testid="search-scope-note">
      {t('browse.searchScope.fields')}{' '}
      <button type="button" className="text-button" onClick={searchLyricsToo}>
        {t('browse.searchScope.lyricsToo')}
      </button>
    </p>
  )
}
