import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

import { type Browser, chromium, type Page } from 'playwright-core'

import { DEMO_PASSWORD } from '../../../seed/demoUsers'

const require = createRequire(import.meta.url)

/** Debian's chromium (.ci/run installs it); browser downloads can't happen here. */
export const openBrowser = (): Promise<Browser> => {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(executablePath))
    throw new Error(
      `The browser tests need Debian's chromium at ${executablePath}: apt-get install chromium (.ci/run does), or set CHROMIUM_PATH.`,
    )
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
}

/**
 * Everything that went wrong in a page while a test drove it: console errors, uncaught
 * exceptions, requests that failed or were answered 4xx/5xx. A browser test ends by expecting it
 * empty (issue 16: the admin showed Next's error badge and a broken image, and no test noticed).
 */
export const watch = (
  page: Page,
  allow: (url: string, status: number) => boolean = () => false,
) => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    // The browser's echo of a response the test expects (a refusal it asserts on) is no problem.
    const status = /status of (\d{3})/.exec(message.text())?.[1]
    if (status && allow(message.location().url, Number(status))) return
    problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  page.on('requestfailed', (request) => {
    // A navigation away cancels what the old page was still loading; that is not a failure.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return
    problems.push(`failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400 && !allow(response.url(), response.status()))
      problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`)
  })
  return problems
}

/** Signs in through the admin's own login form, as a person does. */
export const signIn = async (page: Page, base: string, email: string) => {
  await page.goto(`${base}/admin/login`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Login' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 60_000 })
}

type AxeResult = { violations: { id: string; impact: string | null; help: string }[] }

/** axe-core in the page: the serious and critical violations inside `selector`. */
export const accessibilityProblems = async (page: Page, selector: string) => {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  const result = (await page.evaluate(
    (include) =>
      (window as unknown as { axe: { run: (context: unknown) => Promise<unknown> } }).axe.run({
        include: [include],
      }),
    selector,
  )) as AxeResult
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help}`)
}

/**
 * How wide `url` lays out on a 390 px phone: the document's scroll width once `ready` shows
 * (issue 16: the publication form scrolled sideways). The viewport is put back afterwards.
 */
export const widthOnPhone = async (page: Page, url: string, ready: string) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(url)
  await page.locator(ready).waitFor({ timeout: 60_000 })
  await page.waitForLoadState('networkidle')
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  await page.setViewportSize({ width: 1280, height: 900 })
  return width
}
