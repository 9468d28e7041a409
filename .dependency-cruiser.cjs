/**
 * The house's floors (DESIGN.md section 2): a folder imports only from the floors below it, and no
 * files import each other in a circle. `npm run lint:imports` checks it (CI runs it).
 */
const FLOORS = [
  ['src/vocabulary/'], // errors, logger, escaping, counts, partition keys and values, UTC days, table reference
  ['src/aws/'], // credentials, clients, retries
  ['src/logs/'], // the S3 layouts of the logs AWS writes under AWSLogs/
  ['src/table/', 'src/partitions/'], // the table; the partitions that should exist and what Glue has
  ['src/queries/'], // SQL checks (read the table's schema) and named queries
  ['src/report/', 'src/inputs\\.ts$'], // what people read; typed, validated settings
  ['src/run/'], // each command's orchestration: drives the parts and produces the outcome
  ['src/commands/', 'src/cli/'], // the two front doors: GitHub and the command line
  ['src/main\\.ts$'], // which command
  ['src/index\\.ts$'] // the entry GitHub runs
]
const floorOf = (index) => `^(${FLOORS[index].join('|')})`
const above = (index) =>
  `^(${FLOORS.slice(index + 1)
    .flat()
    .join('|')})`

const upward = FLOORS.slice(0, -1).map((_, index) => ({
  name: `floor-${index + 1}-looks-down`,
  comment: `${FLOORS[index].join(', ')} may import only from the floors below it`,
  severity: 'error',
  from: { path: floorOf(index) },
  to: { path: above(index) }
}))
// Rooms on one floor stand side by side: none imports another.
const sideways = FLOORS.flatMap((rooms, index) =>
  rooms.length < 2
    ? []
    : rooms.map((room) => ({
        name: `floor-${index + 1}-side-by-side`,
        comment: `${room} does not import the other rooms of its floor`,
        severity: 'error',
        from: { path: `^${room}` },
        to: { path: `^(${rooms.filter((other) => other !== room).join('|')})` }
      }))
)

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'files that import each other, directly or through others',
      severity: 'error',
      from: {},
      to: { circular: true }
    },
    {
      name: 'stand-in-owes-nothing-to-the-product',
      comment: 'the stand-in is the reference the product is tested against: it imports nothing from src/',
      severity: 'error',
      from: { path: '^stand-in/' },
      to: { path: '^src/' }
    },
    {
      name: 'product-never-imports-the-stand-in',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(stand-in|scripts|__tests__)/' }
    },
    ...upward,
    ...sideways
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] }
  }
}
