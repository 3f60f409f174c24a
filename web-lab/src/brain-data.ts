// What the explorer draws, as data: where each region sits in a schematic brain, and the colours of tags
// and topics. Coordinates are in brain units: x left(-) to right(+), y down(-) to up(+), z back(-) to
// front(+); the cortex shell is an ellipsoid of radii 3.2 x 2.4 x 4. The placement follows the anatomy
// the regions are named for (occipital visual cortex, temporal auditory cortex, frontal prefrontal, medial
// temporal hippocampus and amygdala, precentral motor strip, brainstem below, cerebellum back and below);
// "association" and "predictive" are the parietal and the temporo-parietal association areas.

export interface RegionPlace {
  name: string;
  position: [number, number, number];
  /** Base colour (hex) before the glow. */
  color: number;
  blurb: string;
}

export const CORTEX_RADII: [number, number, number] = [3.2, 2.4, 4.0];

export const REGIONS: RegionPlace[] = [
  { name: 'visual', position: [0, 0.6, -3.4], color: 0x4f8cff, blurb: 'occipital lobe, at the back' },
  { name: 'auditory', position: [2.6, -0.4, 0.2], color: 0x36c2b4, blurb: 'temporal lobe, at the side' },
  { name: 'association', position: [0, 1.9, -1.0], color: 0xa77bff, blurb: 'parietal association cortex, on top' },
  { name: 'predictive', position: [-2.5, 0.6, -1.2], color: 0xff9f43, blurb: 'temporo-parietal cortex, predicts what comes next' },
  { name: 'hippocampus', position: [1.2, -0.9, -0.4], color: 0x2ecc71, blurb: 'medial temporal lobe, binds episodes' },
  { name: 'prefrontal', position: [0, 1.0, 3.4], color: 0xffd166, blurb: 'frontal lobe, at the front' },
  { name: 'amygdala', position: [-1.2, -1.0, 0.7], color: 0xff5d73, blurb: 'medial temporal lobe, in front of the hippocampus' },
  { name: 'motor', position: [0, 2.2, 1.0], color: 0xf78fb3, blurb: 'precentral gyrus, the motor strip' },
  { name: 'brainstem', position: [0, -2.6, -0.6], color: 0xb0b7c3, blurb: 'below, on to the spinal cord' },
  { name: 'cerebellum', position: [0, -2.0, -3.0], color: 0x7dd3fc, blurb: 'back and below' },
];

/** Tag colours on the answer card; text colours chosen for 4.5:1 contrast on the card background. */
export const TAG_COLORS: Record<string, { bg: string; fg: string; hex: number }> = {
  confirmed: { bg: '#1e7d3a', fg: '#ffffff', hex: 0x2ecc71 },
  explicit: { bg: '#1d5fd1', fg: '#ffffff', hex: 0x4f8cff },
  emergent: { bg: '#7a3fc4', fg: '#ffffff', hex: 0xa77bff },
  predicted: { bg: '#b25400', fg: '#ffffff', hex: 0xff9f43 },
};

/** Topic colours, assigned in the order topics are listed. */
export const TOPIC_PALETTE = [0x4f8cff, 0xff9f43, 0x2ecc71, 0xff5d73, 0xa77bff, 0x36c2b4, 0xffd166, 0xf78fb3, 0x7dd3fc, 0xc3e88d];

/** A region's glow for a rate: 0 at rest, 1 at or above SATURATION_HZ. */
export const SATURATION_HZ = 25;
