// The editor page's own script (served with its types stripped): loads Decap CMS from the local bundle, shows what
// `npm run check` would say in the pane beside each form as you type, and checks once more before each save.
export {};

interface ImmutableMap {
  get(key: string): unknown;
  toJS(): Record<string, unknown>;
}

interface Problem {
  severity: 'error' | 'warning';
  title: string;
  message: string;
  hint: string;
  field?: string;
  where: string;
}

interface CheckResult {
  problems: Problem[];
  existing: number;
  path?: string;
  error?: string;
}

type CreateElement = (
  type: string,
  props?: Record<string, unknown> | null,
  ...children: unknown[]
) => unknown;

interface DecapGlobal {
  init(options: { config: unknown }): void;
  registerPreviewTemplate(collection: string, component: unknown): void;
  registerLocale(locale: string, phrases: unknown): void;
  registerEventListener(listener: {
    name: string;
    handler: (data: { entry: ImmutableMap }) => unknown;
  }): void;
}

interface EditorWindow {
  CMS_MANUAL_INIT?: boolean;
  CMS?: DecapGlobal;
  h?: CreateElement;
  createClass?: (spec: Record<string, unknown>) => unknown;
}

const win = window as unknown as EditorWindow;
win.CMS_MANUAL_INIT = true;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

/** Asks the editor server what `check` would say if this entry were saved as it stands. */
async function checkEntry(entry: ImmutableMap): Promise<CheckResult> {
  const response = await fetch('/api/check', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      collection: entry.get('collection'),
      path: entry.get('path'),
      newRecord: Boolean(entry.get('newRecord')),
      data: (entry.get('data') as ImmutableMap | undefined)?.toJS() ?? {},
    }),
  });
  const json = (await response.json()) as CheckResult;
  if (!response.ok) return { problems: [], existing: 0, error: json.error ?? `status ${response.status}` };
  return json;
}

/** Shown in the save toast: the message itself, not "Error: …". */
function refusal(problems: Problem[]): { toString(): string } {
  const errors = problems.filter((p) => p.severity === 'error');
  const text = `Not saved. ${errors.map((p) => `${p.field ? `${p.field}: ` : ''}${p.message} ${p.hint}`).join(' · ')}`;
  return { toString: () => text };
}

function checkPane(h: CreateElement, createClass: NonNullable<EditorWindow['createClass']>) {
  return createClass({
    getInitialState() {
      return { result: undefined, busy: false };
    },
    componentDidMount(this: Control) {
      this.schedule();
    },
    componentWillUnmount(this: Control) {
      window.clearTimeout(this.timer);
    },
    shouldComponentUpdate() {
      return true;
    },
    componentDidUpdate(this: Control, previous: ControlProps) {
      if (previous.entry.get('data') !== this.props.entry.get('data')) this.schedule();
    },
    schedule(this: Control) {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => void this.run(), 500);
    },
    async run(this: Control) {
      const entry = this.props.entry;
      this.setState({ busy: true });
      const result = await checkEntry(entry).catch((e: Error) => ({
        problems: [],
        existing: 0,
        error: e.message,
      }));
      if (this.props.entry.get('data') === entry.get('data')) this.setState({ result, busy: false });
    },
    render(this: Control) {
      const { result, busy } = this.state;
      const entry = this.props.entry;
      const collection = String(entry.get('collection'));
      const slug = entry.get('slug');
      const items: unknown[] = [];
      items.push(
        h('h2', { style: { fontSize: '1.1em', margin: '0 0 0.6em' } }, 'What npm run check would say'),
      );
      if (!result) items.push(h('p', null, 'Checking…'));
      else if (result.error) items.push(h('p', null, `The check could not run: ${result.error}`));
      else if (!result.problems.length)
        items.push(
          h(
            'p',
            { 'data-check': 'clean' },
            busy ? 'Checking…' : 'No problems: npm run check would accept this entry.',
          ),
        );
      else
        items.push(
          h(
            'ul',
            { style: { margin: '0', paddingLeft: '1.2em' } },
            ...result.problems.map((p) =>
              h(
                'li',
                {
                  'data-severity': p.severity,
                  style: { margin: '0.4em 0', color: p.severity === 'error' ? '#b3261e' : '#7a5200' },
                },
                h('strong', null, `${p.severity === 'error' ? 'Error' : 'Warning'}: ${p.title}. `),
                p.field ? h('em', null, `${p.field}: `) : null,
                `${p.message} `,
                h('span', null, p.hint),
                h('small', { style: { display: 'block', color: '#555' } }, p.where),
              ),
            ),
          ),
        );
      if (result?.problems.some((p) => p.severity === 'error'))
        items.push(
          h('p', { style: { fontWeight: 'bold' } }, 'Saving is refused until the errors above are fixed.'),
        );
      if (!entry.get('newRecord') && slug)
        items.push(
          h(
            'p',
            null,
            h(
              'a',
              {
                href: `/preview/${collection}/${String(slug)}`,
                target: '_blank',
                rel: 'noopener',
                'data-preview': '',
              },
              'Preview the page as saved ↗',
            ),
          ),
        );
      return h(
        'div',
        {
          'data-testid': 'entry-check',
          role: 'status',
          'aria-live': 'polite',
          style: {
            padding: '16px 20px',
            lineHeight: 1.45,
            fontFamily: 'system-ui, sans-serif',
            fontSize: '15px',
          },
        },
        ...items,
      );
    },
  });
}

interface ControlProps {
  entry: ImmutableMap;
}

interface Control {
  props: ControlProps;
  state: { result?: CheckResult; busy: boolean };
  timer?: number;
  setState(state: Partial<Control['state']>): void;
  schedule(): void;
  run(): Promise<void>;
}

async function start(): Promise<void> {
  await loadScript('/decap/decap-cms.js');
  const { CMS, h, createClass } = win;
  if (!CMS || !h || !createClass) throw new Error('Decap CMS did not load');
  const config = (await (await fetch('/config.json')).json()) as Record<string, unknown>;
  CMS.registerLocale('en-denial', {
    editor: { editorToolbar: { deployButtonLabel: 'Preview page' } },
    ui: { toast: { onFailToPersist: '%{details}', entrySaved: 'Saved to the file' } },
  });
  const pane = checkPane(h, createClass);
  for (const collection of config['collections'] as { name: string; files?: { name: string }[] }[]) {
    CMS.registerPreviewTemplate(collection.name, pane);
    for (const file of collection.files ?? []) CMS.registerPreviewTemplate(file.name, pane);
  }
  CMS.registerEventListener({
    name: 'preSave',
    handler: async ({ entry }) => {
      const result = await checkEntry(entry);
      if (result.error) throw { toString: () => `Not saved: ${result.error}` };
      if (result.problems.some((p) => p.severity === 'error')) throw refusal(result.problems);
      return undefined;
    },
  });
  // There is no account: the backend is this machine's working tree. Skip Decap's "Login" button.
  localStorage.setItem('decap-cms-user', JSON.stringify({ backendName: 'proxy', name: 'Content editor' }));
  CMS.init({ config: { ...config, locale: 'en-denial' } });
}

void start().catch((e: Error) => {
  document.body.textContent = `The editor could not start: ${e.message}`;
});
