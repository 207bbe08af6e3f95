// The social cards: /social/{kind}.png, one per kind of page (blocks/social-cards.ts). They depend on the site
// settings only, so a build draws them once with the layout shells and `astro dev` draws them on request.
import type { APIRoute, GetStaticPaths } from 'astro';
import { SOCIAL_CARDS, type CardKind } from '../../../blocks/social-cards.ts';
import { drawSocialCard } from '../../../generator/social-cards.ts';
import { getSiteBuild } from '../../site-data.ts';

export const getStaticPaths: GetStaticPaths = () =>
  Object.keys(SOCIAL_CARDS).map((kind) => ({ params: { kind } }));

export const GET: APIRoute = async ({ params }) => {
  const { config } = await getSiteBuild();
  const { png } = await drawSocialCard(config, params['kind'] as CardKind);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
