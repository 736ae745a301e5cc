export const tagsEn = {
  title: 'Tags'
}
