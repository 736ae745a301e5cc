// Issue 13's everyday gestures: takes, own titles and notes, task → songs, grid cards,
// list columns and type-ahead.
export const gesturesEn = {
  take: 'take {{take}}',
  takeOf: 'take {{take}}/{{of}}',
  shortId: '#{{id}}',
  shortIdHint: 'Clip id {{id}}: the gateway did not say which take this is',
  titleWithMark: '{{title}} ({{mark}})',
  hasVideo: 'Has a video',
  playTitle: 'Play {{title}}'
}
