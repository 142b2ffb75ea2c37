import type { AssetDetail } from '../../shared/api.ts';
import { navigate } from '../lib/router.tsx';
import { KIND_LABELS, RELATION_LABELS } from './kindLabels.ts';

const COLUMN = 250;
const ROW = 64;
const BOX = { width: 160, height: 44 };
/** The longest name a box shows whole; a longer one is cut, and its full name is the box's tooltip. */
const NAME_CHARS = 24;

/**
 * An asset's lineage as a small SVG graph: ancestors to the left, the asset in the middle, descendants to the
 * right, one column per level; each edge says how the child came from its parent. Boxes open their asset.
 */
export function LineageGraph({ lineage, current }: { lineage: AssetDetail['lineage']; current: string }) {
  const depths = lineage.nodes.map((n) => n.depth);
  const min = Math.min(0, ...depths);
  const columns = new Map<number, typeof lineage.nodes>();
  for (const n of lineage.nodes) columns.set(n.depth, [...(columns.get(n.depth) ?? []), n]);
  const tallest = Math.max(1, ...[...columns.values()].map((c) => c.length));
  // The last column needs only its boxes, not the gap after them: a narrower graph is scaled down less.
  const width = (Math.max(0, ...depths) - min) * COLUMN + BOX.width + 20;
  const height = tallest * ROW;
  const at = new Map<string, { x: number; y: number }>();
  for (const [depth, nodes] of columns)
    for (const [i, n] of nodes.entries())
      at.set(n.id, {
        x: (depth - min) * COLUMN + 10,
        y: (height - nodes.length * ROW) / 2 + i * ROW + (ROW - BOX.height) / 2,
      });
  if (lineage.nodes.length <= 1) return <p className="muted">No parents or children registered yet.</p>;
  return (
    <svg
      className="lineage"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width, height: 'auto' }}
      role="img"
      aria-label="Lineage: parents on the left, children on the right"
      data-testid="lineage-graph"
    >
      <defs>
        <marker
          id="lineage-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="#8a8f87" />
        </marker>
      </defs>
      {lineage.edges.map((e) => {
        const from = at.get(e.parentId);
        const to = at.get(e.childId);
        if (!from || !to) return null;
        const x1 = from.x + BOX.width;
        const y1 = from.y + BOX.height / 2;
        const x2 = to.x;
        const y2 = to.y + BOX.height / 2;
        return (
          <g key={`${e.parentId}-${e.childId}`}>
            <path
              d={`M${x1},${y1} C${x1 + 20},${y1} ${x2 - 20},${y2} ${x2},${y2}`}
              fill="none"
              stroke="#8a8f87"
              strokeWidth="1.5"
              markerEnd="url(#lineage-arrow)"
            />
            <text x={(x1 + x2) / 2} y={(y1 + y2) / 2 - 5} fontSize="10" textAnchor="middle" fill="#60655e">
              {RELATION_LABELS[e.relation]}
            </text>
          </g>
        );
      })}
      {lineage.nodes.map((n) => {
        const p = at.get(n.id)!;
        const mine = n.id === current;
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a button; it acts as a link
          <g
            key={n.id}
            transform={`translate(${p.x},${p.y})`}
            role="link"
            tabIndex={mine ? -1 : 0}
            style={{ cursor: mine ? 'default' : 'pointer' }}
            onClick={() => !mine && navigate(`/assets/${n.id}`)}
            onKeyDown={(e) => e.key === 'Enter' && !mine && navigate(`/assets/${n.id}`)}
          >
            <title>{`${n.name} (${KIND_LABELS[n.kind]})`}</title>
            <rect
              width={BOX.width}
              height={BOX.height}
              rx="6"
              fill={mine ? '#e7f0e4' : '#fff'}
              stroke={mine ? '#3d7a3a' : '#c9cdc6'}
              strokeWidth={mine ? 2 : 1}
            />
            <text x="8" y="18" fontSize="11" fontWeight="600" fill="#22261f">
              {n.name.length > NAME_CHARS ? `${n.name.slice(0, NAME_CHARS - 1)}…` : n.name}
            </text>
            <text x="8" y="34" fontSize="10" fill="#60655e">
              {KIND_LABELS[n.kind]}
              {n.chainAssetId ? ` #${n.chainAssetId}` : ' (draft)'}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
