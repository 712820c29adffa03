import { describe, expect, it } from 'vitest'

import { validateWebVTT } from '../../../../../src/lib/webvtt/validateWebVTT'

const valid =
  'WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nWelcome to the Women’s Imaging Center.\n\n00:00:02.500 --> 00:00:05.000\nWear a two-piece outfit.\n'

const spanish = [
  'WEBVTT',
  '',
  'NOTE Subtítulos en español para el video de mamografía',
  '',
  '1',
  '00:00:00.200 --> 00:00:03.900',
  'Prepararse para su mamografía',
  'requiere solo unos pasos sencillos.',
  '',
  '2',
  '00:00:04.200 --> 00:00:07.900 align:center line:85%',
  '<v Dra. García>El día del examen, no use',
  'desodorante, loción ni talco.</v>',
  '',
  '3',
  '00:00:08.200 --> 00:01:02.450',
  '¿Tiene preguntas? Llame a <i>Salud Mamaria</i> &amp; pida una cita.',
  '',
].join('\n')

describe('validateWebVTT', () => {
  it('accepts a valid file and reports its cues and where the last one ends', () => {
    expect(validateWebVTT(valid)).toEqual({ ok: true, cueCount: 2, lastCueEndSeconds: 5 })
  })

  it('accepts a realistic Spanish file with accents, a note, identifiers, settings, tags and an escape', () => {
    expect(validateWebVTT(spanish)).toEqual({ ok: true, cueCount: 3, lastCueEndSeconds: 62.45 })
  })

  it('accepts CRLF line endings and a byte order mark, and counts lines the same way', () => {
    expect(validateWebVTT('\ufeff' + spanish.replace(/\n/g, '\r\n'))).toEqual({
      ok: true,
      cueCount: 3,
      lastCueEndSeconds: 62.45,
    })
    const broken = valid
      .replace('00:00:02.500 --> 00:00:05.000', '00:00:02.500 --> 00:0x:05.000')
      .replace(/\n/g, '\r\n')
    expect(validateWebVTT(broken)).toMatchObject({ ok: false, line: 6 })
  })

  it('names line 1 when the WEBVTT header is missing', () => {
    expect(validateWebVTT('00:00:00.000 --> 00:00:02.000\nHi\n')).toEqual({
      ok: false,
      line: 1,
      message: 'The file must start with "WEBVTT" on its first line.',
    })
    expect(validateWebVTT('WEBVTTX\n\n00:00:00.000 --> 00:00:02.000\nHi\n')).toMatchObject({
      ok: false,
      line: 1,
    })
  })

  it('names the line of a malformed timestamp', () => {
    const broken = valid.replace('00:00:02.500 --> 00:00:05.000', '00:00:02.500 --> 00:0x:05.000')
    expect(validateWebVTT(broken)).toEqual({
      ok: false,
      line: 6,
      message: 'Minutes and seconds need exactly two digits; write times as 00:01:02.500.',
    })
    expect(validateWebVTT(spanish.replace('00:00:08.200 -->', '00:00:08,200 -->'))).toEqual({
      ok: false,
      line: 16,
      message:
        'A timestamp needs a "." before its milliseconds (not a ","); write times as 00:01:02.500.',
    })
  })

  it('refuses a cue that ends before, or when, it starts, at that cue’s timing line', () => {
    const backwards =
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nFine\n\n00:00:05.000 --> 00:00:04.000\nBackwards\n'
    expect(validateWebVTT(backwards)).toEqual({
      ok: false,
      line: 6,
      message: 'The cue’s end time is not after its start time.',
    })
    expect(validateWebVTT('WEBVTT\n\n00:00:02.000 --> 00:00:02.000\nZero length\n')).toMatchObject({
      ok: false,
      line: 3,
    })
  })

  it('refuses cues out of time order', () => {
    const shuffled =
      'WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nSecond\n\n00:00:01.000 --> 00:00:02.000\nFirst\n'
    expect(validateWebVTT(shuffled)).toEqual({
      ok: false,
      line: 6,
      message: 'This cue starts before the previous one; cues must be in time order.',
    })
  })

  it('refuses header lines after WEBVTT and a missing blank line between cues', () => {
    expect(
      validateWebVTT(
        'WEBVTT\nKind: captions\nLanguage: es\n\n00:00:00.000 --> 00:00:01.000\nHola\n',
      ),
    ).toMatchObject({ ok: false, line: 2 })
    expect(
      validateWebVTT(
        'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nOne\n00:00:01.000 --> 00:00:02.000\nTwo\n',
      ),
    ).toEqual({
      ok: false,
      line: 5,
      message: 'Leave a blank line before each cue.',
    })
  })

  it('checks the cue text too, naming the line inside a multi-line cue', () => {
    const ampersand =
      'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nFirst line\nQ&A after the talk\n\n00:00:03.000 --> 00:00:04.000\nok\n'
    expect(validateWebVTT(ampersand)).toEqual({
      ok: false,
      line: 5,
      message: 'Write "&" as "&amp;" and "<" as "&lt;" in caption text.',
    })
    const unknownTag =
      'WEBVTT\r\n\r\n00:00:00.000 --> 00:00:02.000\r\nhello <blink>there</blink>\r\nsecond line\r\n'
    expect(validateWebVTT(unknownTag)).toMatchObject({
      ok: false,
      line: 4,
      message: expect.stringMatching(/tag WebVTT does not have/),
    })
    expect(
      validateWebVTT('WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nstill\n<i>never closed'),
    ).toEqual({ ok: false, line: 5, message: 'A tag in the caption text is never closed.' })
  })

  it('refuses an empty file and a file with no cues', () => {
    expect(validateWebVTT('')).toMatchObject({ ok: false, line: 1 })
    expect(validateWebVTT('\ufeff')).toMatchObject({ ok: false, line: 1 })
    expect(validateWebVTT('WEBVTT\n\n')).toEqual({
      ok: false,
      line: 1,
      message: 'The file has no cues.',
    })
    expect(validateWebVTT('WEBVTT\n\nNOTE only a comment\n')).toEqual({
      ok: false,
      line: 1,
      message: 'The file has no cues.',
    })
  })
})
