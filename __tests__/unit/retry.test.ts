/**
 * The second line of retries (aws/retry.ts): which errors it retries, how often, and that it says
 * so: each retry is a debug line naming the operation and the error's code (DESIGN.md section 8).
 */
import { errorCode, isRetryable, withBackoff } from '../../src/aws/retry.js'
import { recordingLogger } from '../helpers/logger.js'

const QUICK = { attempts: 3, baseMs: 1, maxMs: 2 }
const awsError = (name: string, status = 400) =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status } })

/** A call that fails with `errors` in turn, then answers 'done'. */
function failing(...errors: Error[]): { call: () => Promise<string>; calls: () => number } {
  let calls = 0
  return {
    call: async () => {
      const error = errors[calls++]
      if (error) throw error
      return 'done'
    },
    calls: () => calls
  }
}

describe('withBackoff', () => {
  it('logs each retry at debug level with the operation, the error code and the attempt', async () => {
    const logger = recordingLogger()
    const { call, calls } = failing(
      awsError('ThrottlingException'),
      awsError('InternalServiceException', 500)
    )
    await expect(withBackoff(call, { operation: 'Glue.BatchCreatePartition', logger }, QUICK)).resolves.toBe(
      'done'
    )
    expect(calls()).toBe(3)
    expect(logger.lines.map((line) => line.level)).toEqual(['debug', 'debug'])
    expect(logger.at('debug')).toEqual([
      expect.stringMatching(
        /^retrying Glue\.BatchCreatePartition after ThrottlingException \(attempt 2 of 3 in \d+ ms\)$/
      ),
      expect.stringMatching(
        /^retrying Glue\.BatchCreatePartition after InternalServiceException \(attempt 3 of 3 in \d+ ms\)$/
      )
    ])
  })

  it('says nothing when the first call succeeds', async () => {
    const logger = recordingLogger()
    await withBackoff(failing().call, { operation: 'Glue.GetPartitions', logger }, QUICK)
    expect(logger.lines).toEqual([])
  })

  it('neither retries nor logs an error that is final', async () => {
    const logger = recordingLogger()
    const { call, calls } = failing(awsError('AccessDeniedException'))
    await expect(withBackoff(call, { operation: 'Glue.GetPartitions', logger }, QUICK)).rejects.toThrow(
      'AccessDeniedException happened'
    )
    expect(calls()).toBe(1)
    expect(logger.lines).toEqual([])
  })

  it('gives up after its attempts with the last error, having logged each retry', async () => {
    const logger = recordingLogger()
    const timeout = () => awsError('OperationTimeoutException')
    const { call, calls } = failing(timeout(), timeout(), timeout(), timeout())
    await expect(withBackoff(call, { operation: 'Glue.GetPartitions', logger }, QUICK)).rejects.toThrow(
      'OperationTimeoutException happened'
    )
    expect(calls()).toBe(3)
    expect(logger.at('debug')).toHaveLength(2)
  })

  it('retries what the caller calls retryable', async () => {
    const logger = recordingLogger()
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
    const { call } = failing(reset)
    await withBackoff(
      call,
      { operation: 'STS.AssumeRoleWithWebIdentity', logger },
      QUICK,
      (error) => (error as { code?: string }).code === 'ECONNRESET'
    )
    expect(logger.at('debug')).toEqual([
      expect.stringMatching(/^retrying STS\.AssumeRoleWithWebIdentity after ECONNRESET \(attempt 2 of 3/)
    ])
  })
})

describe('isRetryable', () => {
  it('retries throttling, timeouts and 5xx, not refusals', () => {
    expect(isRetryable(awsError('ThrottlingException'))).toBe(true)
    expect(isRetryable(awsError('ConcurrentModificationException'))).toBe(true)
    expect(isRetryable(awsError('SomethingNew', 503))).toBe(true)
    expect(isRetryable(awsError('AccessDeniedException'))).toBe(false)
    expect(isRetryable(awsError('EntityNotFoundException'))).toBe(false)
  })
})

describe('errorCode', () => {
  it('names an AWS error by its code, a Node error by its code, anything else by what it has', () => {
    expect(errorCode(awsError('ThrottlingException'))).toBe('ThrottlingException')
    expect(errorCode(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe('ECONNRESET')
    expect(errorCode(new TypeError('x'))).toBe('TypeError')
    expect(errorCode(new Error('x'))).toBe('Error')
    expect(errorCode('a string')).toBe('unknown error')
    expect(errorCode(undefined)).toBe('unknown error')
  })
})
