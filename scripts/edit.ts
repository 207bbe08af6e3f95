// npm run edit [-- --port N --root DIR]: the browser editor for data/ (Decap CMS on a local backend), on
// 127.0.0.1 only. Prints its address; Ctrl+C stops it.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEditor } from '../src/editor/editor-server.ts';

// The editor page's script is served with Node's type stripping, which still calls itself experimental.
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (!(w.name === 'ExperimentalWarning' && w.message.includes('stripTypeScriptTypes')))
    process.stderr.write(`${w.stack}\n`);
});

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4310' }, root: { type: 'string', default: '.' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`edit: --port must be a number from 0 to 65535, not "${values.port}"\n`);
  process.exit(2);
}
const editor = await startEditor({ root: path.resolve(values.root), port });
process.stdout.write(
  `Editor ready at ${editor.url}\n` +
    `  Editing ${path.join(path.resolve(values.root), 'data')} (saves go straight to the files; use git to review them).\n` +
    '  Press Ctrl+C to stop.\n',
);
const stop = () => {
  void editor.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
