import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { Inputs, Outputs } from '../../src/vocabulary/constants.js'

const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  runs: { using: string; main: string }
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

describe('action.yml', () => {
  it('runs the bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('declares exactly the inputs and outputs the code reads and writes, each described', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Inputs).sort())
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Outputs).sort())
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(10)
  })

  it('leaves requiredness to the code, which knows the command', () => {
    // GitHub only warns about a missing required input; the code names the input and the command.
    expect(Object.entries(action.inputs).filter(([, input]) => input.required)).toEqual([])
  })

  it('has a description the GitHub Marketplace takes whole (at most 125 characters)', () => {
    const { description } = action as unknown as { description: string }
    expect(description.length).toBeGreaterThan(20)
    expect(description.length).toBeLessThanOrEqual(125)
  })
})
