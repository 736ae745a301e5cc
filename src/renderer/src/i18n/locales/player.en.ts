export const playerEn = {
  title: 'Player'
}
