import { readFile } from 'node:fs/promises'
import { lintWorkflows, validateActionMetadata, workflowFiles } from '../../scripts/lint-workflows.js'

describe('workflow and action.yml validation', () => {
  it('finds nothing in the repository’s workflows and action.yml', async () => {
    const files = await workflowFiles()
    expect(files).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        'examples/workflows/cloudtrail-partitions.yml',
        'examples/workflows/check-queries.yml',
        'examples/workflows/publish-queries.yml'
      ])
    )
    const workflows = await Promise.all(
      files.map(async (path) => ({ path, text: await readFile(path, 'utf8') }))
    )
    expect(await lintWorkflows(workflows)).toEqual([])
    expect(await validateActionMetadata(await readFile('action.yml', 'utf8'))).toEqual([])
  })

  it('catches a broken expression and an unknown context', async () => {
    const broken = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo ${{ github.event.inputs.x ||| 1 }}',
      '      - run: echo ${{ secretz.TOKEN }}'
    ].join('\n')
    const findings = await lintWorkflows([{ path: 'broken.yml', text: broken }])
    expect(findings.map((f) => f.line)).toEqual(expect.arrayContaining([6, 7]))
  })

  it('refuses an action.yml on an old runtime or with an undescribed input', async () => {
    const errors = await validateActionMetadata(
      [
        'name: x',
        'description: y',
        'inputs:',
        '  a:',
        '    required: true',
        'runs:',
        '  using: node12',
        '  main: dist/index.js'
      ].join('\n')
    )
    expect(errors).toEqual(
      expect.arrayContaining([
        "action.yml/inputs/a: must have required property 'description'",
        'action.yml/runs/using: must be equal to one of the allowed values'
      ])
    )
  })

  it('refuses a description longer than the Marketplace shows, and says why', async () => {
    const action = (description: string): string =>
      ['name: x', `description: ${description}`, 'runs:', '  using: node24', '  main: dist/index.js'].join(
        '\n'
      )
    expect(await validateActionMetadata(action('d'.repeat(125)))).toEqual([])
    expect(await validateActionMetadata(action('d'.repeat(126)))).toEqual([
      'action.yml/description: must NOT have more than 125 characters ' +
        '(the GitHub Marketplace takes a description of at most 125 characters)'
    ])
  })
})
