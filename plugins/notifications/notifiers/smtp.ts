import nodemailer from 'nodemailer'

import type { Notifier } from '../types'

/**
 * The SMTP notifier: nodemailer on the URL given (`smtp://user:pass@host:587`, `smtps://…:465`).
 * The transport opens a connection per mail: digests are few (one per person per hour at most),
 * and a pooled connection would hold a socket open in every worker for nothing.
 */
export const smtpNotifier = (url: string, from: string): Notifier => {
  const transport = nodemailer.createTransport(url)
  return {
    send: async ({ to, subject, text }) => {
      await transport.sendMail({ from, to, subject, text })
    },
  }
}
