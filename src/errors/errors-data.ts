// Every data problem the pipeline can report, defined once so the same title and hint appear everywhere
// (modelled on Astro's core/errors/errors-data.ts).

export interface ErrorData {
  name: string;
  title: string;
  /** Default hint; a call site may pass a sharper one (a did-you-mean, for example). */
  hint: string;
}

function define<const T extends Record<string, Omit<ErrorData, 'name'>>>(
  defs: T,
): {
  [K in keyof T]: ErrorData & { name: K };
} {
  return Object.fromEntries(Object.entries(defs).map(([name, d]) => [name, { name, ...d }])) as never;
}

export const Errors = define({
  YamlSyntax: {
    title: 'YAML syntax error',
    hint: 'Check indentation (spaces, never tabs), colons after keys and matching quotes on this line.',
  },
  DuplicateKey: {
    title: 'Duplicate key',
    hint: 'Each key may appear once per entry; delete or rename the second one.',
  },
  YamlTag: {
    title: 'YAML tag not allowed',
    hint: 'Data files hold plain text, numbers, lists and maps; remove the tag (the word starting with ! or !!) before the value.',
  },
  YamlAliases: {
    title: 'Too many YAML aliases',
    hint: 'The anchors (&name) and aliases (*name) here expand to far more data than the file holds; write the values out instead.',
  },
  EmptyFile: {
    title: 'Empty data file',
    hint: 'Add at least one entry, or restore the file from version control.',
  },
  FileUnreadable: {
    title: 'File could not be read',
    hint: 'Make sure the file exists, is readable and is saved as UTF-8.',
  },
  InvalidEncoding: {
    title: 'File is not valid UTF-8',
    hint: 'Re-save the file as UTF-8 in your editor.',
  },
  InvalidType: {
    title: 'Wrong type of value',
    hint: 'Change the value to the expected type shown above.',
  },
  InvalidValue: {
    title: 'Value not allowed',
    hint: 'Use one of the allowed values shown above.',
  },
  MissingField: {
    title: 'Required field missing',
    hint: 'Add the field to this entry.',
  },
  UnknownKey: {
    title: 'Unknown key',
    hint: 'Remove the key or fix its spelling; only the documented keys are allowed.',
  },
  InvalidSlug: {
    title: 'Invalid slug',
    hint: 'Slugs use lowercase letters, digits and single hyphens only, like "tumor-genomic-profiling".',
  },
  DuplicateSlug: {
    title: 'Duplicate slug',
    hint: 'Every slug in a table must be unique; rename one of the two entries.',
  },
  ReservedSlug: {
    title: 'Reserved slug',
    hint: 'This slug is used by a built-in page; choose another.',
  },
  UnknownSlug: {
    title: 'Unknown slug',
    hint: 'Use a slug defined in the referenced data file.',
  },
  UnsafeUrl: {
    title: 'Unsafe or invalid URL',
    hint: 'Links in data must be absolute https:// URLs.',
  },
  InvalidDate: {
    title: 'Invalid date',
    hint: 'Write dates as YYYY-MM-DD, for example 2026-11-23.',
  },
  FutureDate: {
    title: 'Date in the future',
    hint: 'A review or verification date is the day the content was actually checked; it cannot be later than today.',
  },
  InapplicableAngle: {
    title: 'Angle for a combination that cannot exist',
    hint: 'The reason does not apply to this item kind, so no page would use this angle. Change the reason or the item.',
  },
  AngleTie: {
    title: 'Two angles compete for the same page',
    hint: 'Two angles at the same specificity match the same combination. Narrow one of them or merge them.',
  },
  EmptyAngle: {
    title: 'Angle has no frontmatter keys',
    hint: 'An angle must name at least one of payer, item or reason.',
  },
  AngleLength: {
    title: 'Angle length outside the configured range',
    hint: 'Adjust the text, or the angleWords range in data/site.yaml.',
  },
  MdxSyntax: {
    title: 'MDX syntax error',
    hint: 'Check for an unclosed tag, a stray "<" or "{" (write &lt; or \\{ for the literal characters).',
  },
  HeadingOrder: {
    title: 'A heading that skips a level',
    hint: "Start an angle's headings at ## and go one level deeper at a time (## then ###).",
  },
  MdxDisallowed: {
    title: 'Not allowed in an angle',
    hint: 'Angles use Markdown plus <Fact>, <Value> and <Cite>; imports, exports, JavaScript expressions and raw tags like <script> are not allowed.',
  },
  UnknownFact: {
    title: 'Unknown fact id',
    hint: 'Use a fact id defined in data/facts.yaml, or add the fact there with its citation and source.',
  },
  FactWithoutValue: {
    title: 'A value printed from a fact that has none',
    hint: 'Use <Fact id="…" /> (or {{fact "…"}}) to print the statement, or give the fact an amount and unit in data/facts.yaml.',
  },
  UncheckedFact: {
    title: 'Fact not checked against its current source',
    hint: 'Read the current text of the source, then set checked to that day and remove status: unchecked.',
  },
  StaleFact: {
    title: 'Fact not checked recently',
    hint: "Read the source again and update checked (site.yaml's audit.factFreshnessMonths sets the window).",
  },
  FactOutOfScope: {
    title: 'A rule shown where it does not hold',
    hint: 'Show the sentence only where the rule holds: wrap it in <IfRule id="…">…</IfRule> in an angle or {{#ifRule "…"}}…{{/ifRule}} in a template, or narrow the angle (payer, kinds, benefits). Widen the fact\'s appliesTo only if its source says it holds there.',
  },
  PlanLineMention: {
    title: 'A plan line the payer does not run',
    hint: 'The text names a kind of plan this payer does not sell: wrap it in <OnlyFor planLines="…">…</OnlyFor> (or <IfRule>) in an angle, use {{#ifRule}} or {{rulePlans}} in a template, or word it without the plan line.',
  },
  PageMarkup: {
    title: 'Broken markup on a page',
    hint: 'Fix the file named: headings one level at a time, text on every link, alt text on images, unique ids.',
  },
  KindWord: {
    title: 'Wording for another kind of item',
    hint: "This word is listed in site.yaml's audit.kindWords for the item's kind: word the text for this kind, or narrow where the angle applies.",
  },
  UnusedFact: {
    title: 'Fact never used',
    hint: 'No template or angle cites this fact; remove it or cite it where it belongs.',
  },
  BusinessFactUnset: {
    title: 'A business fact is not set',
    hint: 'Only the business can state this (its name, address, who drafts the letters, turnaround, refunds): set it in data/site.yaml, replacing null. A production build refuses to run until it is set.',
  },
  TrustPageMissing: {
    title: 'A trust page every footer links to is missing',
    hint: 'Write data/pages/{slug}.md (title, description, reviewedBy, reviewed, then the text), or remove the link from trustPages in data/site.yaml.',
  },
  TrustPageUnlisted: {
    title: 'A trust page no footer links to',
    hint: 'Add it to trustPages in data/site.yaml so readers can find it, or delete the file.',
  },
  TemplateDisallowed: {
    title: 'Not allowed in a template',
    hint: 'Templates write text and simple markup with {{…}} values (escaped) and the documented helpers; markup that runs code, raw {{{…}}} output, partials, log, lookup and with are refused.',
  },
  TemplateEmpty: {
    title: 'A template writes nothing',
    hint: 'This template gives every page its title, description or button text; restore its text (see git history for the shipped version).',
  },
  TemplateError: {
    title: 'Template error',
    hint: 'Check the template for a misspelt variable or helper; templates run in strict mode.',
  },

  // Failures of a build or a command rather than of one data file: they stop the run, name what failed and
  // leave the previous output in place (errors/build-error.ts).
  UsageError: {
    title: 'Unknown or malformed command-line option',
    hint: "Check the command's options in README's commands table.",
  },
  ShardSpec: {
    title: 'Invalid --shard value',
    hint: 'Write --shard i/n with whole numbers 1 ≤ i ≤ n, for example --shard 1/4.',
  },
  ShardSet: {
    title: 'These folders are not one complete set of shards',
    hint: 'Pass every shard folder of one split (1/n … n/n), each built from this checkout with npm run build -- --shard i/n.',
  },
  RenderFailed: {
    title: 'A page could not be rendered',
    hint: 'The message names the page and the template or angle; run npm run check, then fix that file.',
  },
  AstroFailed: {
    title: 'Astro could not render the layouts',
    hint: 'The lines above come from Astro; a layout, style or script under src/astro/ is the likely cause.',
  },
  OutputIncomplete: {
    title: 'The new output is incomplete',
    hint: 'A file the build must write is missing; run npm run build -- --force, and report it if it happens again.',
  },
  OutputNotWritable: {
    title: 'The output folder cannot be written',
    hint: 'Check that the output folder and the folder around it are writable (not read-only, owned by you).',
  },
  BuildLocked: {
    title: 'Another build is writing this output folder',
    hint: 'Wait for the other build to finish, or stop it. If no build is running (the machine restarted, say), delete the .lock file beside the output folder.',
  },
  OutputReadOnly: {
    title: 'The output folder is on a read-only file system',
    hint: 'Build into a folder on a writable disk with --out DIR, or make this file system writable again.',
  },
  DiskFull: {
    title: 'The disk is full',
    hint: 'Free some space (an old build or .cache/ folder can go), then build again.',
  },
  BuildFailed: {
    title: 'The build stopped',
    hint: 'Run the command again with --verbose to see where it stopped.',
  },
});

export type ErrorName = keyof typeof Errors;
