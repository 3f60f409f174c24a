// The 3D brain explorer: the ten regions where data/brain-data.ts places them, glowing and sparkling with
// their live spike rates; the knowledge graph (concepts coloured by topic, associations as lines) fades in
// as the camera zooms in or when asked to; a question sends pulses from the seed concepts along the
// associations, hop by hop. Only drawing happens here: rates arrive from a Worker.
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { CORTEX_RADII, REGIONS, SATURATION_HZ, TAG_COLORS, TOPIC_PALETTE } from './brain-data.js';
import type { Asked, Region } from './types.js';

const SPARKS_PER_REGION = 48;
/** Camera distance under which the knowledge graph shows by itself. */
const GRAPH_DISTANCE = 9;
const HOP_MS = 550;
/** Frames kept for the frame-work percentiles: about 10 s at 60 frames/s. */
const FRAME_WORK_SAMPLES = 600;

export interface GraphNode {
  name: string;
  topic: string;
  degree: number;
}

interface Pulse {
  from: THREE.Vector3;
  to: THREE.Vector3;
  start: number;
  color: THREE.Color;
  mesh: THREE.Mesh;
  target: string;
}

/** A small deterministic hash so a concept keeps its place between reloads. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export class Explorer {
  readonly renderer: THREE.WebGLRenderer;
  frames = 0;
  fps = 0;
  graphForced = false;
  #scene = new THREE.Scene();
  #camera: THREE.PerspectiveCamera;
  #controls: OrbitControls;
  #regionMeshes = new Map<string, { core: THREE.Mesh; halo: THREE.Mesh; base: THREE.Color; glow: number; target: number }>();
  #rates = new Map<string, number>();
  #sparks: THREE.Points;
  #sparkLevel: Float32Array;
  #graph = new THREE.Group();
  #nodeMeshes = new Map<string, { mesh: THREE.Mesh; color: THREE.Color; flash: number; flashColor: THREE.Color; node: GraphNode }>();
  #edges: THREE.LineSegments | null = null;
  #pulses: Pulse[] = [];
  #labels: HTMLElement;
  #labelEls = new Map<string, HTMLElement>();
  #graphOpacity = 0;
  #lastFpsAt = performance.now();
  #framesAtFps = 0;
  #onFrame: (() => void) | null = null;
  /** Off screen (scrolled away, as on a phone) nothing is drawn, so the lab costs no GPU time there. */
  #onScreen = true;

  constructor(private readonly canvas: HTMLCanvasElement, labels: HTMLElement) {
    this.#labels = labels;
    // preserveDrawingBuffer lets the test (and a screenshot button) read the pixels back.
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
    this.renderer.setClearColor(0x0b1020, 1);
    this.#camera = new THREE.PerspectiveCamera(45, 1, 0.1, 100);
    this.#camera.position.set(6.4, 3.6, 8.2); // about 11 units out: the whole brain, graph still hidden
    this.#controls = new OrbitControls(this.#camera, canvas);
    this.#controls.enableDamping = true;
    this.#controls.minDistance = 3;
    this.#controls.maxDistance = 30;
    this.#controls.listenToKeyEvents(canvas);

    this.#scene.add(new THREE.AmbientLight(0xffffff, 0.5));
    const light = new THREE.DirectionalLight(0xffffff, 1.6);
    light.position.set(5, 8, 6);
    this.#scene.add(light);

    const shell = new THREE.Mesh(
      new THREE.SphereGeometry(1, 36, 24),
      new THREE.MeshBasicMaterial({ color: 0x8aa4d6, wireframe: true, transparent: true, opacity: 0.12 }),
    );
    shell.scale.set(...CORTEX_RADII);
    this.#scene.add(shell);

    for (const region of REGIONS) {
      const base = new THREE.Color(region.color);
      const core = new THREE.Mesh(
        new THREE.SphereGeometry(0.42, 24, 16),
        new THREE.MeshStandardMaterial({ color: base, emissive: base.clone(), emissiveIntensity: 0.15, roughness: 0.5 }),
      );
      core.position.set(...region.position);
      const halo = new THREE.Mesh(
        new THREE.SphereGeometry(0.8, 24, 16),
        new THREE.MeshBasicMaterial({ color: base, transparent: true, opacity: 0.05, blending: THREE.AdditiveBlending, depthWrite: false }),
      );
      halo.position.copy(core.position);
      this.#scene.add(core, halo);
      this.#regionMeshes.set(region.name, { core, halo, base, glow: 0, target: 0 });
      this.#label(`region:${region.name}`, region.name, 'region');
    }

    // Sparks: a few points around each region, lit at random in proportion to its rate.
    const count = REGIONS.length * SPARKS_PER_REGION;
    const positions = new Float32Array(count * 3);
    const colors = new Float32Array(count * 3);
    this.#sparkLevel = new Float32Array(count);
    REGIONS.forEach((region, r) => {
      for (let i = 0; i < SPARKS_PER_REGION; i++) {
        const k = r * SPARKS_PER_REGION + i;
        const h = hash(`${region.name}${i}`);
        const theta = ((h & 0xffff) / 0xffff) * Math.PI * 2;
        const phi = Math.acos(2 * (((h >>> 16) & 0xffff) / 0xffff) - 1);
        const radius = 0.5 + 0.45 * ((hash(`${i}${region.name}`) & 0xff) / 0xff);
        positions[3 * k] = region.position[0] + radius * Math.sin(phi) * Math.cos(theta);
        positions[3 * k + 1] = region.position[1] + radius * Math.cos(phi);
        positions[3 * k + 2] = region.position[2] + radius * Math.sin(phi) * Math.sin(theta);
      }
    });
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', new THREE.BufferAttribute(positions, 3));
    geometry.setAttribute('color', new THREE.BufferAttribute(colors, 3));
    this.#sparks = new THREE.Points(
      geometry,
      new THREE.PointsMaterial({ size: 0.12, vertexColors: true, transparent: true, blending: THREE.AdditiveBlending, depthWrite: false }),
    );
    this.#scene.add(this.#sparks);
    this.#scene.add(this.#graph);

    new ResizeObserver(() => this.#resize()).observe(canvas);
    new IntersectionObserver((entries) => {
      this.#onScreen = entries.some((entry) => entry.isIntersecting);
    }).observe(canvas);
    this.#resize();
    this.renderer.setAnimationLoop(() => this.#frame());
  }

  /** Called after each drawn frame (the page uses it for the stats panel). */
  onFrame(callback: () => void): void {
    this.#onFrame = callback;
  }

  setRates(regions: Region[]): void {
    for (const region of regions) {
      this.#rates.set(region.name, region.rateHz);
      const entry = this.#regionMeshes.get(region.name);
      if (entry) entry.target = Math.min(1, region.rateHz / SATURATION_HZ);
    }
  }

  /** Replaces the knowledge graph: concepts clustered by topic on a sphere inside the cortex. */
  setGraph(nodes: GraphNode[], edges: [string, string][], topics: string[]): void {
    for (const { mesh } of this.#nodeMeshes.values()) {
      this.#graph.remove(mesh);
      mesh.geometry.dispose();
      (mesh.material as THREE.Material).dispose();
    }
    this.#nodeMeshes.clear();
    for (const key of [...this.#labelEls.keys()]) {
      if (key.startsWith('concept:')) {
        this.#labelEls.get(key)?.remove();
        this.#labelEls.delete(key);
      }
    }
    if (this.#edges) {
      this.#graph.remove(this.#edges);
      this.#edges.geometry.dispose();
      this.#edges = null;
    }
    const topicIndex = new Map(topics.map((t, i) => [t, i]));
    const geometry = new THREE.SphereGeometry(1, 12, 8);
    const byTopic = new Map<string, GraphNode[]>();
    for (const node of nodes) {
      if (!byTopic.has(node.topic)) byTopic.set(node.topic, []);
      byTopic.get(node.topic)!.push(node);
    }
    const golden = Math.PI * (3 - Math.sqrt(5));
    for (const [topic, members] of byTopic) {
      const t = topicIndex.get(topic) ?? 0;
      const n = Math.max(1, topics.length);
      // Topic centres spread over a sphere of radius 1.3 (Fibonacci lattice), members around each centre.
      const y = n === 1 ? 0 : 1 - (2 * t) / (n - 1);
      const r = Math.sqrt(Math.max(0, 1 - y * y));
      const centre = new THREE.Vector3(Math.cos(golden * t) * r, y, Math.sin(golden * t) * r).multiplyScalar(n === 1 ? 0 : 1.3);
      centre.y += 0.4;
      const color = new THREE.Color(TOPIC_PALETTE[t % TOPIC_PALETTE.length]);
      members.sort((a, b) => b.degree - a.degree);
      members.forEach((node, i) => {
        const h = hash(node.name);
        const spread = (n === 1 ? 1.6 : 1) * (0.35 + 0.9 * Math.sqrt((i + 1) / members.length));
        const theta = ((h & 0xffff) / 0xffff) * Math.PI * 2;
        const phi = Math.acos(2 * (((h >>> 16) & 0xffff) / 0xffff) - 1);
        const mesh = new THREE.Mesh(
          geometry,
          new THREE.MeshStandardMaterial({ color, emissive: color.clone(), emissiveIntensity: 0.35, transparent: true, opacity: 0 }),
        );
        mesh.scale.setScalar(0.07 + 0.025 * Math.min(6, node.degree));
        mesh.position.set(
          centre.x + spread * Math.sin(phi) * Math.cos(theta),
          centre.y + spread * Math.cos(phi) * 0.8,
          centre.z + spread * Math.sin(phi) * Math.sin(theta),
        );
        this.#graph.add(mesh);
        this.#nodeMeshes.set(node.name.toLowerCase(), { mesh, color, flash: 0, flashColor: new THREE.Color(0xffffff), node });
        if (i < 4) this.#label(`concept:${node.name.toLowerCase()}`, node.name, 'concept');
      });
    }
    const points: number[] = [];
    for (const [a, b] of edges) {
      const from = this.#nodeMeshes.get(a.toLowerCase());
      const to = this.#nodeMeshes.get(b.toLowerCase());
      if (!from || !to) continue;
      points.push(...from.mesh.position.toArray(), ...to.mesh.position.toArray());
    }
    const lines = new THREE.BufferGeometry();
    lines.setAttribute('position', new THREE.Float32BufferAttribute(points, 3));
    this.#edges = new THREE.LineSegments(lines, new THREE.LineBasicMaterial({ color: 0x9fb3d9, transparent: true, opacity: 0 }));
    this.#graph.add(this.#edges);
  }

  get conceptCount(): number {
    return this.#nodeMeshes.size;
  }

  /** Whether the graph is on screen now (zoomed in, forced, or a recall is playing). */
  get graphVisible(): boolean {
    return this.#graphOpacity > 0.05;
  }

  /** Plays a recall: seeds flash, then pulses travel along each association in hop order. */
  animateRecall(asked: Asked): number {
    const now = performance.now();
    let played = 0;
    for (const seed of asked.seeds) {
      const node = this.#nodeMeshes.get(seed.name.toLowerCase());
      if (node) {
        node.flash = 1;
        node.flashColor.set(0xffffff);
        this.#label(`concept:${seed.name.toLowerCase()}`, seed.name, 'concept');
      }
    }
    for (const a of asked.associations) {
      const from = this.#nodeMeshes.get(a.via.toLowerCase());
      const to = this.#nodeMeshes.get(a.name.toLowerCase());
      if (!from || !to) continue;
      const color = new THREE.Color(TAG_COLORS[a.tag]?.hex ?? 0xffffff);
      const mesh = new THREE.Mesh(new THREE.SphereGeometry(0.09, 10, 8), new THREE.MeshBasicMaterial({ color }));
      mesh.visible = false;
      this.#graph.add(mesh);
      this.#pulses.push({ from: from.mesh.position.clone(), to: to.mesh.position.clone(), start: now + (a.hops - 1) * HOP_MS, color, mesh, target: a.name.toLowerCase() });
      this.#label(`concept:${a.name.toLowerCase()}`, a.name, 'concept');
      played++;
    }
    // The path a recall takes through the regions: cue in association cortex, hippocampus, then prefrontal.
    for (const name of ['association', 'hippocampus', 'prefrontal']) {
      const region = this.#regionMeshes.get(name);
      if (region) region.glow = 1;
    }
    return played;
  }

  zoom(factor: number): void {
    const offset = this.#camera.position.clone().sub(this.#controls.target);
    const length = THREE.MathUtils.clamp(offset.length() * factor, this.#controls.minDistance, this.#controls.maxDistance);
    this.#camera.position.copy(this.#controls.target).add(offset.setLength(length));
  }

  rotate(radians: number): void {
    const offset = this.#camera.position.clone().sub(this.#controls.target);
    offset.applyAxisAngle(new THREE.Vector3(0, 1, 0), radians);
    this.#camera.position.copy(this.#controls.target).add(offset);
  }

  #label(key: string, text: string, kind: string): void {
    if (this.#labelEls.has(key)) return;
    const el = document.createElement('span');
    el.className = `label label-${kind}`;
    el.textContent = text;
    el.setAttribute('aria-hidden', 'true'); // the panels list the same names for assistive technology
    this.#labels.append(el);
    this.#labelEls.set(key, el);
  }

  #resize(): void {
    const width = this.canvas.clientWidth || 300;
    const height = this.canvas.clientHeight || 300;
    this.renderer.setSize(width, height, false);
    this.#camera.aspect = width / height;
    this.#camera.updateProjectionMatrix();
  }

  /**
   * Main-thread milliseconds of the last frames' work (scene updates and the WebGL calls of render; the
   * GPU's own drawing is not in it), a ring of FRAME_WORK_SAMPLES. A frame fits 60 frames/s when this
   * stays well under 16.7 ms; the brain steps in a Worker and is not in it either.
   */
  readonly #frameWork = new Float64Array(FRAME_WORK_SAMPLES);
  #frameWorkCount = 0;

  /** Percentile {@code q} (0..1) of the recent frames' main-thread work in ms, or 0 before the first frame. */
  frameWorkMs(q: number): number {
    const n = Math.min(this.#frameWorkCount, FRAME_WORK_SAMPLES);
    if (n === 0) return 0;
    const sorted = Array.from(this.#frameWork.subarray(0, n)).sort((a, b) => a - b);
    return sorted[Math.min(n - 1, Math.floor(q * n))];
  }

  #frame(): void {
    if (!this.#onScreen) return;
    const now = performance.now();
    this.#controls.update();

    for (const entry of this.#regionMeshes.values()) {
      entry.glow += (entry.target - entry.glow) * 0.08;
      const material = entry.core.material as THREE.MeshStandardMaterial;
      material.emissiveIntensity = 0.15 + 1.6 * entry.glow;
      // Halos step back while the graph is shown, so they do not hide the concepts inside them.
      (entry.halo.material as THREE.MeshBasicMaterial).opacity = (0.05 + 0.35 * entry.glow) * (1 - 0.7 * this.#graphOpacity);
      entry.halo.scale.setScalar(1 + 0.35 * entry.glow);
    }

    const colors = this.#sparks.geometry.getAttribute('color') as THREE.BufferAttribute;
    REGIONS.forEach((region, r) => {
      const rate = this.#rates.get(region.name) ?? 0;
      // Chance a spark lights this frame: proportional to the rate, about one lit spark per 2 Hz.
      const p = Math.min(0.5, rate / 200);
      const base = this.#regionMeshes.get(region.name)!.base;
      for (let i = 0; i < SPARKS_PER_REGION; i++) {
        const k = r * SPARKS_PER_REGION + i;
        this.#sparkLevel[k] = Math.random() < p ? 1 : this.#sparkLevel[k] * 0.82;
        const v = this.#sparkLevel[k];
        colors.setXYZ(k, v * (0.5 + 0.5 * base.r), v * (0.5 + 0.5 * base.g), v * (0.5 + 0.5 * base.b));
      }
    });
    colors.needsUpdate = true;

    const distance = this.#camera.position.distanceTo(this.#controls.target);
    const wantGraph = this.graphForced || distance < GRAPH_DISTANCE || this.#pulses.length > 0;
    this.#graphOpacity += ((wantGraph ? 1 : 0) - this.#graphOpacity) * 0.1;
    for (const entry of this.#nodeMeshes.values()) {
      const material = entry.mesh.material as THREE.MeshStandardMaterial;
      material.opacity = this.#graphOpacity;
      entry.flash *= 0.985;
      material.emissive.copy(entry.color).lerp(entry.flashColor, entry.flash);
      material.emissiveIntensity = 0.35 + 1.5 * entry.flash;
    }
    if (this.#edges) (this.#edges.material as THREE.LineBasicMaterial).opacity = 0.45 * this.#graphOpacity;

    this.#pulses = this.#pulses.filter((pulse) => {
      const t = (now - pulse.start) / HOP_MS;
      if (t < 0) return true;
      if (t >= 1) {
        this.#graph.remove(pulse.mesh);
        pulse.mesh.geometry.dispose();
        const target = this.#nodeMeshes.get(pulse.target);
        if (target) {
          target.flash = 1;
          target.flashColor.copy(pulse.color);
        }
        return false;
      }
      pulse.mesh.visible = true;
      pulse.mesh.position.lerpVectors(pulse.from, pulse.to, t);
      return true;
    });

    this.renderer.render(this.#scene, this.#camera);
    this.#placeLabels();

    this.frames++;
    this.canvas.dataset.frames = String(this.frames);
    this.#frameWork[this.#frameWorkCount++ % FRAME_WORK_SAMPLES] = performance.now() - now;
    if (now - this.#lastFpsAt >= 1000) {
      this.fps = ((this.frames - this.#framesAtFps) * 1000) / (now - this.#lastFpsAt);
      this.#framesAtFps = this.frames;
      this.#lastFpsAt = now;
      // For benchmarks and tests that read the page from outside (scripts/frame-bench.mjs).
      this.canvas.dataset.frameWorkP50 = this.frameWorkMs(0.5).toFixed(2);
      this.canvas.dataset.frameWorkP95 = this.frameWorkMs(0.95).toFixed(2);
    }
    this.#onFrame?.();
  }

  #placeLabels(): void {
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    const v = new THREE.Vector3();
    for (const [key, el] of this.#labelEls) {
      let visible = true;
      if (key.startsWith('region:')) {
        v.copy(this.#regionMeshes.get(key.slice(7))!.core.position);
      } else {
        const node = this.#nodeMeshes.get(key.slice(8));
        if (!node) continue;
        v.copy(node.mesh.position);
        visible = this.#graphOpacity > 0.3;
      }
      v.project(this.#camera);
      visible &&= v.z < 1 && Math.abs(v.x) <= 1 && Math.abs(v.y) <= 1;
      el.style.display = visible ? '' : 'none';
      if (visible) el.style.transform = `translate(${((v.x + 1) / 2) * width}px, ${((1 - v.y) / 2) * height}px)`;
    }
  }
}
