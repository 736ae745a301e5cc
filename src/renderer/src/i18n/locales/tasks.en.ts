export const tasksEn = {
  title: 'Tasks'
}
