import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'

import pg from 'pg'

const root = path.resolve(import.meta.dirname, '../../..')
const READY = /Carecast is ready: (http:\/\/localhost:\d+)\/admin/

/**
 * The very command an npm script runs (without npm in between, so signals reach it directly):
 * its leading `NAME=value` words as environment, the words after `node` as arguments.
 */
const scriptCommand = (script: 'start' | 'serve') => {
  const words = (
    JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts[script] as string
  ).split(/\s+/)
  const node = words.indexOf('node')
  const env = Object.fromEntries(
    words
      .slice(0, node)
      .map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]),
  )
  return { env, args: words.slice(node + 1) }
}

/**
 * Runs `npm start`'s script as a new user would (or `npm run serve`'s, the production build), and
 * resolves once it prints the ready line.
 */
export const start = (env: Record<string, string>, script: 'start' | 'serve' = 'start') => {
  const command = scriptCommand(script)
  const child = spawn(process.execPath, command.args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', ...command.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = READY.exec(output)
      if (match) resolve(match[1])
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) =>
      reject(new Error(`start exited with ${code} before it was ready:\n${output.slice(-2000)}`)),
    )
    // Fail with what the server printed rather than a bare test timeout.
    setTimeout(
      () => reject(new Error(`not ready after 180 s:\n${output.slice(-2000)}`)),
      180_000,
    ).unref()
  })
  return { child, ready, output: () => output }
}

export const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode)
    child.once('exit', (code) => resolve(code))
    child.kill('SIGINT')
  })

/** A query on the embedded Postgres `npm start` runs, found the way `npm run worker` finds it. */
export const sqlOn =
  (dataDir: string) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row is whatever the query selects
  async <Row = Record<string, any>>(text: string, values: unknown[] = []): Promise<Row[]> => {
    const url = readFileSync(path.join(dataDir, 'postgres.url'), 'utf8').trim()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      return (await client.query(text, values)).rows as Row[]
    } finally {
      await client.end()
    }
  }
