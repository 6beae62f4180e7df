// Names the emulator must refuse with a 422 and the SPA's form must refuse before sending.
import type { NameProblem } from './purposeName';

export const REFUSED_NAMES: readonly (readonly [label: string, name: string, NameProblem])[] = [
  ['empty', '', 'blank'],
  ['spaces only', '   ', 'blank'],
  ['a zero-width space', '\u200b', 'blank'],
  ['zero-width joiners and a BOM', ' \u200d\u200c\ufeff ', 'blank'],
  ['a soft hyphen and a word joiner', '\u00ad\u2060', 'blank'],
  ['an ideographic space', '\u3000', 'blank'],
  ['a NUL', 'Demo\u0000', 'controlCharacter'],
  ['a tab inside', 'Follow\tUp', 'controlCharacter'],
  ['a line break inside', 'Follow\nUp', 'controlCharacter'],
  ['an escape', '\u001b[31mRed', 'controlCharacter'],
  ['DEL', 'Demo\u007f', 'controlCharacter'],
  ['a C1 control', 'Demo\u0085x', 'controlCharacter'],
  ['a lone high surrogate', 'Demo \ud83d', 'brokenCharacter'],
  ['a lone low surrogate', '\ude00 Demo', 'brokenCharacter'],
  ['256 characters', 'x'.repeat(256), 'tooLong'],
];

export const ACCEPTED_NAMES: readonly (readonly [input: string, stored: string])[] = [
  ['Demo', 'Demo'],
  ['  Follow Up  ', 'Follow Up'],
  ['Démo 😀', 'Démo 😀'],
  ['👩‍💻 Dev call', '👩‍💻 Dev call'],
  ['😀'.repeat(255), '😀'.repeat(255)],
  ['x'.repeat(255), 'x'.repeat(255)],
];
