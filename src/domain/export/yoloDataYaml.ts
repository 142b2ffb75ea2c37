/** A YOLO `data.yaml` naming the classes in index order (labels quoted as JSON strings, which YAML reads). */
export function yoloDataYaml(labels: readonly string[]): string {
  return [
    '# Labels only: each file in labels/ is one contributor answer; the images stay where the items point.',
    `nc: ${labels.length}`,
    'names:',
    ...labels.map((l, i) => `  ${i}: ${JSON.stringify(l)}`),
    '',
  ].join('\n');
}
