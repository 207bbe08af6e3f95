// Page models on their way to a stamping thread, and their fingerprints. The long strings many pages share (the
// fact statements of their sources, the payer's angle, the angle) are not repeated in every page: a page carries
// each one's digest, and a thread receives the text once. A model's fingerprint hashes this form, so it covers
// every string's content while each shared string is hashed once per build.
import { createHash } from 'node:crypto';
import { trusted } from '../html/markup.ts';
import type { PageContent, PageModel } from '../models/page-model.ts';
import { fingerprintJson } from './input-hash.ts';

/** Digest → text, as a stamping thread collects them. */
export type SharedTexts = Map<string, string>;

/**
 * `page` with its shared strings (the payer's angle, the angle and the source titles) each replaced by `swap` of
 * it: texts for digests on the way out, digests for texts on the way in.
 */
function swapShared<T extends PageContent>(page: T, swap: (shared: string) => string): T {
  const { angle, payerItem } = page.html;
  return {
    ...page,
    html: {
      ...page.html,
      ...(angle !== undefined && { angle: trusted(swap(angle.__html)) }),
      ...(payerItem !== undefined && { payerItem: trusted(swap(payerItem.__html)) }),
    },
    sources: page.sources.map((source) => ({ ...source, title: swap(source.title) })),
  };
}

export class PageWire {
  private readonly digests = new Map<string, string>();

  private digest(text: string): string {
    let digest = this.digests.get(text);
    if (digest === undefined) {
      digest = createHash('sha1').update(text).digest('base64url');
      this.digests.set(text, digest);
    }
    return digest;
  }

  /** The page as JSON, and each shared text it refers to (digest, text), which the receiver must have. */
  encode(page: PageModel): { json: string; shared: [string, string][] } {
    const shared: [string, string][] = [];
    const ref = (text: string) => {
      const digest = this.digest(text);
      shared.push([digest, text]);
      return digest;
    };
    return { json: JSON.stringify(swapShared(page, ref)), shared };
  }

  /**
   * What a page says, before the index decision adds its robots and related links: the uniqueness measure's key,
   * and the larger part of the page's fingerprint.
   */
  contentFingerprint(content: PageContent): string {
    return fingerprintJson(JSON.stringify(swapShared(content, (text) => this.digest(text))));
  }

  /**
   * The page's fingerprint: its content's fingerprint with its robots and related links. `content` is that
   * fingerprint when the caller has it already (the measure computed it for the same content).
   */
  fingerprint(page: PageModel, content?: string): string {
    const { robots, related, ...rest } = page;
    return fingerprintJson(JSON.stringify([content ?? this.contentFingerprint(rest), robots, related]));
  }
}

/** The page back from encode()'s JSON, with the texts the sender shared. */
export function decodePage(json: string, texts: SharedTexts): PageModel {
  const wire = JSON.parse(json) as PageModel;
  return swapShared(wire, (digest) => {
    const text = texts.get(digest);
    if (text === undefined) throw new Error(`page ${wire.path}: shared text ${digest} was never sent`);
    return text;
  });
}
