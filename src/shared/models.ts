// Suno's model codenames and the versions people know them by (docs/GATEWAY.md#models;
// unofficial, from third-party clients). Unknown codenames are shown as they are.

const VERSIONS: Readonly<Record<string, string>> = {
  'chirp-v2-xxl-alpha': 'v2',
  'chirp-v3': 'v3',
  'chirp-v3-0': 'v3',
  'chirp-v3-5': 'v3.5',
  'chirp-v4': 'v4',
  'chirp-auk': 'v4.5',
  'chirp-bluejay': 'v4.5+',
  'chirp-crow': 'v5',
  'chirp-fenix': 'v5.5',
  'chirp-hawk': 'v6',
  'chirp-goose': 'v6 mini'
}

/** "v5" for "chirp-crow"; null when the codename is not known. */
export function modelVersion(model: string | null | undefined): string | null {
  if (!model) return null
  const name = model.trim().toLowerCase()
  const known = VERSIONS[name]
  if (known) return known
  // Versioned codenames follow one pattern: chirp-v4-5 is v4.5, chirp-v4-5-plus v4.5+.
  const versioned = /^chirp-v(\d+)(?:-(\d+))?(-plus)?$/.exec(name)
  if (!versioned) return null
  const [, major, minor, plus] = versioned
  return `v${major}${minor ? `.${minor}` : ''}${plus ? '+' : ''}`
}

/** What a person reads: "v5 (chirp-crow)", or the raw name when unknown. */
export function modelLabel(model: string | null | undefined): string {
  if (!model) return ''
  const version = modelVersion(model)
  return version ? `${version} (${model})` : model
}

/** Short form for tight places: "v5", or the raw name when unknown. */
export function modelShort(model: string | null | undefined): string {
  if (!model) return ''
  return modelVersion(model) ?? model
}
