export const clipEn = {
  title: 'Clip'
}
