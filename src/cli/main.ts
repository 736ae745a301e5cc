// Placeholder entry replaced by the full CLI.
export async function main(argv: string[]): Promise<number> {
  console.log(`songshelf ${argv.join(' ')}`)
  return 0
}
