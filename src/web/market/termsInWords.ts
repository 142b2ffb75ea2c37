import type { AssetTerms } from '../../shared/api.ts';
import { formatDuration, formatToken } from '../lib/format.ts';

/** An asset's license terms as plain sentences, for its card and page. */
export function termsInWords(t: AssetTerms, symbol = 'tokens', decimals = 18): string[] {
  return [
    t.priceWei === '0'
      ? 'Free to license (the license is still recorded on chain).'
      : `A license costs ${formatToken(t.priceWei, symbol, decimals)}.`,
    t.durationSeconds === 0
      ? 'A license never ends.'
      : `A license lasts ${formatDuration(t.durationSeconds)}; buying again extends it.`,
    t.commercialUse ? 'Commercial use is allowed.' : 'Non-commercial use only.',
    t.derivativesAllowed
      ? 'Anyone may register a model, agent or dataset derived from it.'
      : 'Only its owner and licensees may register derived work.',
    t.attributionRequired ? 'Licensees must credit it.' : 'No attribution required.',
    t.parentShareBps > 0
      ? `${t.parentShareBps / 100}% of its revenue goes to the assets it came from.`
      : 'It keeps all its revenue (after the platform fee).',
  ];
}
