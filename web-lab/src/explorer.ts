// The 3D brain explorer: the ten regions where data/brain-data.ts places them, glowing and sparkling with
// their live spike rates; the knowledge graph (concepts coloured by topic, associations as lines) fades in
// as the camera zooms in or when asked to; a question sends pulses from the seed concepts along the
// associations, hop by hop. Only drawing happens here: rates arrive from a Worker.
//
// Frame budget (docs/LAB.md#frame-budget): every kind of object the scene will ever draw exists from the
// start and its shaders are compiled before the first frame (#warmUp), so no frame stalls on a shader
// compile when the graph or a recall first appears. The concepts and the pulses
// are one instanced mesh each (one draw call, whatever the graph's size), a frame allocates nothing, and
// labels touch the DOM only when they move by a pixel or show or hide.
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
/** First capacity of the concept and pulse meshes; they double when a graph or a recall needs more. */
const FIRST_CAPACITY = 64;
/** Graph opacity under which the graph is not drawn at all. */
const GRAPH_HIDDEN = 0.01;
/** Emissive strength of a concept at rest and the extra a flash adds (scaled into the instance colour). */
const NODE_GLOW = 0.35;
const FLASH_GLOW = 1.5;
const FLASH_DECAY = 0.985;

export interface GraphNode {
  name: string;
  topic: string;
  degree: number;
}

/** A pulse travelling along one association; `target` is the concept's instance, flashed on arrival. */
interface Pulse {
  from: number;
  to: number;
  start: number;
  color: THREE.Color;
}

interface Label {
  el: HTMLElement;
  /** The region's index, or -1 for a concept label. */
  region: number;
  concept: string;
  x: number;
  y: number;
  shown: boolean;
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

/**
 * Concepts glow in their own colour: the emissive term is multiplied by the instance colour, so one
 * material serves every topic and a flash is only a brighter, recoloured instance.
 */
function nodeMaterial(): THREE.MeshStandardMaterial {
  const material = new THREE.MeshStandardMaterial({ color: 0xffffff, emissive: 0xffffff, emissiveIntensity: NODE_GLOW, transparent: true, opacity: 0 });
  material.onBeforeCompile = (shader) => {
    shader.fragmentShader = shader.fragmentShader.replace(
      '#include <emissivemap_fragment>',
      '#include <emissivemap_fragment>\n\ttotalEmissiveRadiance *= vColor.rgb;',
    );
  };
  material.customProgramCacheKey = () => 'engram-concept-glow';
  return material;
}

/** An instanced mesh of `capacity` instances with a colour per instance, none drawn yet. */
function instanced(geometry: THREE.BufferGeometry, material: THREE.Material, capacity: number): THREE.InstancedMesh {
  const mesh = new THREE.InstancedMesh(geometry, material, capacity);
  mesh.instanceMatrix.setUsage(THREE.DynamicDrawUsage);
  // The colour attribute must exist before the shaders are compiled, or the first graph recompiles them.
  mesh.setColorAt(0, new THREE.Color(0xffffff));
  mesh.instanceColor!.setUsage(THREE.DynamicDrawUsage);
  mesh.count = 0;
  // Instances move inside the cortex shell, always in view; culling would need a bounding sphere per change.
  mesh.frustumCulled = false;
  return mesh;
}

export class Explorer {
  readonly renderer: THREE.WebGLRenderer;
  /** Resolves once the shaders are compiled and the frame loop runs. */
  readonly ready: Promise<void>;
  frames = 0;
  fps = 0;
  graphForced = false;
  #scene = new THREE.Scene();
  #camera: THREE.PerspectiveCamera;
  #controls: OrbitControls;
  #regions: { core: THREE.Mesh; halo: THREE.Mesh; base: THREE.Color; glow: number; target: number; rate: number }[] = [];
  #regionIndex = new Map<string, number>();
  #sparks: THREE.Points;
  #sparkLevel: Float32Array;
  #graph = new THREE.Group();

  // The knowledge graph, one instance per concept. Positions and colours are kept here as flat arrays
  // (3 floats per concept) so a frame reads them without allocating; #nodes draws them.
  #nodeGeometry = new THREE.SphereGeometry(1, 12, 8);
  #nodeMaterial = nodeMaterial();
  #nodes: THREE.InstancedMesh;
  #nodeIndex = new Map<string, number>();
  #nodeCount = 0;
  #nodePos = new Float32Array(0);
  #nodeBase = new Float32Array(0);
  #nodeFlashColor = new Float32Array(0);
  #nodeFlash = new Float32Array(0);
  #edges: THREE.LineSegments;

  #pulseGeometry = new THREE.SphereGeometry(0.09, 10, 8);
  #pulseMaterial = new THREE.MeshBasicMaterial({ color: 0xffffff });
  #pulseMesh: THREE.InstancedMesh;
  #pulses: Pulse[] = [];

  #labels: HTMLElement;
  #labelEls = new Map<string, Label>();
  #graphOpacity = 0;
  #lastFpsAt = performance.now();
  #framesAtFps = 0;
  #onFrame: (() => void) | null = null;
  /** Off screen (scrolled away, as on a phone) nothing is drawn, so the lab costs no GPU time there. */
  #onScreen = true;
  /** The canvas's CSS size, kept by the ResizeObserver so a frame never reads layout. */
  #width = 300;
  #height = 300;
  // Scratch objects reused by every frame.
  #v = new THREE.Vector3();
  #m = new THREE.Matrix4();
  #c = new THREE.Color();

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

    const coreGeometry = new THREE.SphereGeometry(0.42, 24, 16);
    const haloGeometry = new THREE.SphereGeometry(0.8, 24, 16);
    for (const [r, region] of REGIONS.entries()) {
      const base = new THREE.Color(region.color);
      const core = new THREE.Mesh(
        coreGeometry,
        new THREE.MeshStandardMaterial({ color: base, emissive: base.clone(), emissiveIntensity: 0.15, roughness: 0.5 }),
      );
      core.position.set(...region.position);
      const halo = new THREE.Mesh(
        haloGeometry,
        new THREE.MeshBasicMaterial({ color: base, transparent: true, opacity: 0.05, blending: THREE.AdditiveBlending, depthWrite: false }),
      );
      halo.position.copy(core.position);
      this.#scene.add(core, halo);
      this.#regions.push({ core, halo, base, glow: 0, target: 0, rate: 0 });
      this.#regionIndex.set(region.name, r);
      this.#label(`region:${region.name}`, region.name, 'region', r, '');
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
    geometry.setAttribute('color', new THREE.BufferAttribute(colors, 3).setUsage(THREE.DynamicDrawUsage));
    this.#sparks = new THREE.Points(
      geometry,
      new THREE.PointsMaterial({ size: 0.12, vertexColors: true, transparent: true, blending: THREE.AdditiveBlending, depthWrite: false }),
    );
    this.#scene.add(this.#sparks);

    // The graph's three objects exist from the start, empty, so their shaders compile with the rest.
    this.#nodes = instanced(this.#nodeGeometry, this.#nodeMaterial, FIRST_CAPACITY);
    // An empty position attribute, not none: whether a geometry has positions is part of three.js's
    // shader key, so a geometry without one would compile a second line shader when the first graph comes.
    const noEdges = new THREE.BufferGeometry().setAttribute('position', new THREE.BufferAttribute(new Float32Array(0), 3));
    this.#edges = new THREE.LineSegments(noEdges, new THREE.LineBasicMaterial({ color: 0x9fb3d9, transparent: true, opacity: 0 }));
    this.#edges.frustumCulled = false;
    this.#pulseMesh = instanced(this.#pulseGeometry, this.#pulseMaterial, FIRST_CAPACITY);
    this.#graph.add(this.#nodes, this.#edges, this.#pulseMesh);
    this.#graph.visible = false;
    this.#scene.add(this.#graph);

    new ResizeObserver(() => this.#resize()).observe(canvas);
    new IntersectionObserver((entries) => {
      this.#onScreen = entries.some((entry) => entry.isIntersecting);
    }).observe(canvas);
    this.#resize();
    this.ready = this.#warmUp().then(() => {
      this.renderer.setAnimationLoop(() => this.#frame());
    });
  }

  /**
   * Compiles every shader the scene will use before the first frame, so no frame waits for one. Drawn
   * as they came, the first frame stalled the page's thread for 80-440 ms on a loaded machine, and the
   * graph's and the first pulse's new material kinds stalled a frame each again later. compileAsync polls
   * KHR_parallel_shader_compile without blocking where the browser has it; where it has not (headless
   * Chromium with SwiftShader here), a program's first use (three.js reads its uniforms and checks its
   * log) waits for the GPU process to link it, so that wait is taken here, one program per task, while
   * the page is still starting, instead of inside a frame.
   */
  async #warmUp(): Promise<void> {
    await this.renderer.compileAsync(this.#scene, this.#camera);
    const materials = new Set<THREE.Material>();
    this.#scene.traverse((object) => {
      const material = (object as THREE.Mesh).material;
      if (material) for (const m of Array.isArray(material) ? material : [material]) materials.add(m);
    });
    for (const material of materials) {
      const state = this.renderer.properties.get(material) as { currentProgram?: { getUniforms(): unknown; getAttributes(): unknown } };
      const program = state.currentProgram;
      if (!program) continue;
      program.getUniforms();
      program.getAttributes();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  /** Called after each drawn frame (the page uses it for the stats panel). */
  onFrame(callback: () => void): void {
    this.#onFrame = callback;
  }

  setRates(regions: Region[]): void {
    for (const region of regions) {
      const r = this.#regionIndex.get(region.name);
      if (r === undefined) continue;
      this.#regions[r].rate = region.rateHz;
      this.#regions[r].target = Math.min(1, region.rateHz / SATURATION_HZ);
    }
  }

  /** Replaces the knowledge graph: concepts clustered by topic on a sphere inside the cortex. */
  setGraph(nodes: GraphNode[], edges: [string, string][], topics: string[]): void {
    for (const [key, label] of this.#labelEls) {
      if (label.region < 0) {
        label.el.remove();
        this.#labelEls.delete(key);
      }
    }
    this.#nodeIndex.clear();
    this.#pulses.length = 0;
    if (nodes.length > this.#nodes.instanceMatrix.count) this.#nodes = this.#grow(this.#nodes, nodes.length);
    this.#nodeCount = nodes.length;
    this.#nodePos = new Float32Array(3 * nodes.length);
    this.#nodeBase = new Float32Array(3 * nodes.length);
    this.#nodeFlashColor = new Float32Array(3 * nodes.length);
    this.#nodeFlash = new Float32Array(nodes.length);

    const topicIndex = new Map(topics.map((t, i) => [t, i]));
    const byTopic = new Map<string, GraphNode[]>();
    for (const node of nodes) {
      if (!byTopic.has(node.topic)) byTopic.set(node.topic, []);
      byTopic.get(node.topic)!.push(node);
    }
    const golden = Math.PI * (3 - Math.sqrt(5));
    const n = Math.max(1, topics.length);
    const scale = new THREE.Vector3();
    const quaternion = new THREE.Quaternion();
    let k = 0;
    for (const [topic, members] of byTopic) {
      const t = topicIndex.get(topic) ?? 0;
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
        const position = this.#v.set(
          centre.x + spread * Math.sin(phi) * Math.cos(theta),
          centre.y + spread * Math.cos(phi) * 0.8,
          centre.z + spread * Math.sin(phi) * Math.sin(theta),
        );
        position.toArray(this.#nodePos, 3 * k);
        color.toArray(this.#nodeBase, 3 * k);
        this.#nodes.setMatrixAt(k, this.#m.compose(position, quaternion, scale.setScalar(0.07 + 0.025 * Math.min(6, node.degree))));
        this.#nodes.setColorAt(k, color);
        this.#nodeIndex.set(node.name.toLowerCase(), k);
        if (i < 4) this.#label(`concept:${node.name.toLowerCase()}`, node.name, 'concept', -1, node.name.toLowerCase());
        k++;
      });
    }
    this.#nodes.count = k;
    this.#nodes.instanceMatrix.needsUpdate = true;
    this.#nodes.instanceColor!.needsUpdate = true;

    const points = new Float32Array(6 * edges.length);
    let p = 0;
    for (const [a, b] of edges) {
      const from = this.#nodeIndex.get(a.toLowerCase());
      const to = this.#nodeIndex.get(b.toLowerCase());
      if (from === undefined || to === undefined) continue;
      points.set(this.#nodePos.subarray(3 * from, 3 * from + 3), p);
      points.set(this.#nodePos.subarray(3 * to, 3 * to + 3), p + 3);
      p += 6;
    }
    const lines = new THREE.BufferGeometry();
    lines.setAttribute('position', new THREE.BufferAttribute(points.subarray(0, p), 3));
    this.#edges.geometry.dispose();
    this.#edges.geometry = lines;
  }

  get conceptCount(): number {
    return this.#nodeCount;
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
      const k = this.#nodeIndex.get(seed.name.toLowerCase());
      if (k !== undefined) {
        this.#flash(k, 1, 1, 1);
        this.#label(`concept:${seed.name.toLowerCase()}`, seed.name, 'concept', -1, seed.name.toLowerCase());
      }
    }
    for (const a of asked.associations) {
      const from = this.#nodeIndex.get(a.via.toLowerCase());
      const to = this.#nodeIndex.get(a.name.toLowerCase());
      if (from === undefined || to === undefined) continue;
      this.#pulses.push({ from, to, start: now + (a.hops - 1) * HOP_MS, color: new THREE.Color(TAG_COLORS[a.tag]?.hex ?? 0xffffff) });
      this.#label(`concept:${a.name.toLowerCase()}`, a.name, 'concept', -1, a.name.toLowerCase());
      played++;
    }
    if (this.#pulses.length > this.#pulseMesh.instanceMatrix.count) this.#pulseMesh = this.#grow(this.#pulseMesh, this.#pulses.length);
    // The path a recall takes through the regions: cue in association cortex, hippocampus, then prefrontal.
    for (const name of ['association', 'hippocampus', 'prefrontal']) {
      const r = this.#regionIndex.get(name);
      if (r !== undefined) this.#regions[r].glow = 1;
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

  /** A larger copy of an instanced mesh (same geometry and material, so no new shader). */
  #grow(mesh: THREE.InstancedMesh, needed: number): THREE.InstancedMesh {
    let capacity = mesh.instanceMatrix.count;
    while (capacity < needed) capacity *= 2;
    const bigger = instanced(mesh.geometry, mesh.material as THREE.Material, capacity);
    this.#graph.remove(mesh);
    this.#graph.add(bigger);
    mesh.dispose();
    return bigger;
  }

  #flash(k: number, r: number, g: number, b: number): void {
    this.#nodeFlash[k] = 1;
    this.#nodeFlashColor[3 * k] = r;
    this.#nodeFlashColor[3 * k + 1] = g;
    this.#nodeFlashColor[3 * k + 2] = b;
  }

  #label(key: string, text: string, kind: string, region: number, concept: string): void {
    if (this.#labelEls.has(key)) return;
    const el = document.createElement('span');
    el.className = `label label-${kind}`;
    el.textContent = text;
    el.style.visibility = 'hidden';
    el.setAttribute('aria-hidden', 'true'); // the panels list the same names for assistive technology
    this.#labels.append(el);
    this.#labelEls.set(key, { el, region, concept, x: NaN, y: NaN, shown: false });
  }

  #resize(): void {
    this.#width = this.canvas.clientWidth || 300;
    this.#height = this.canvas.clientHeight || 300;
    this.renderer.setSize(this.#width, this.#height, false);
    this.#camera.aspect = this.#width / this.#height;
    this.#camera.updateProjectionMatrix();
  }

  /**
   * Main-thread milliseconds of the last frames' work (scene updates and the WebGL calls of render; the
   * GPU's own drawing is not in it), a ring of FRAME_WORK_SAMPLES. A frame fits 60 frames/s when this
   * stays well under 16.7 ms; the brain steps in a Worker and is not in it either.
   */
  readonly #frameWork = new Float64Array(FRAME_WORK_SAMPLES);
  readonly #frameWorkSorted = new Float64Array(FRAME_WORK_SAMPLES);
  #frameWorkCount = 0;

  /** Percentile {@code q} (0..1) of the recent frames' main-thread work in ms, or 0 before the first frame. */
  frameWorkMs(q: number): number {
    const n = Math.min(this.#frameWorkCount, FRAME_WORK_SAMPLES);
    if (n === 0) return 0;
    const sorted = this.#frameWorkSorted.subarray(0, n);
    sorted.set(this.#frameWork.subarray(0, n));
    sorted.sort();
    return sorted[Math.min(n - 1, Math.floor(q * n))];
  }

  #frame(): void {
    if (!this.#onScreen) return;
    const now = performance.now();
    this.#controls.update();

    for (const entry of this.#regions) {
      entry.glow += (entry.target - entry.glow) * 0.08;
      const material = entry.core.material as THREE.MeshStandardMaterial;
      material.emissiveIntensity = 0.15 + 1.6 * entry.glow;
      // Halos step back while the graph is shown, so they do not hide the concepts inside them.
      (entry.halo.material as THREE.MeshBasicMaterial).opacity = (0.05 + 0.35 * entry.glow) * (1 - 0.7 * this.#graphOpacity);
      entry.halo.scale.setScalar(1 + 0.35 * entry.glow);
    }
    this.#sparkFrame();

    const distance = this.#camera.position.distanceTo(this.#controls.target);
    const wantGraph = this.graphForced || distance < GRAPH_DISTANCE || this.#pulses.length > 0;
    this.#graphOpacity += ((wantGraph ? 1 : 0) - this.#graphOpacity) * 0.1;
    if (!wantGraph && this.#graphOpacity < GRAPH_HIDDEN) this.#graphOpacity = 0;
    this.#graph.visible = this.#graphOpacity >= GRAPH_HIDDEN;
    this.#nodeMaterial.opacity = this.#graphOpacity;
    (this.#edges.material as THREE.LineBasicMaterial).opacity = 0.45 * this.#graphOpacity;
    this.#pulseFrame(now);
    this.#flashFrame();

    this.renderer.render(this.#scene, this.#camera);
    this.#placeLabels();

    this.frames++;
    this.canvas.dataset.frames = String(this.frames);
    this.#frameWork[this.#frameWorkCount++ % FRAME_WORK_SAMPLES] = performance.now() - now;
    if (now - this.#lastFpsAt >= 1000) {
      this.fps = ((this.frames - this.#framesAtFps) * 1000) / (now - this.#lastFpsAt);
      this.#framesAtFps = this.frames;
      this.#lastFpsAt = now;
    }
    this.#onFrame?.();
  }

  #sparkFrame(): void {
    const colors = this.#sparks.geometry.getAttribute('color') as THREE.BufferAttribute;
    const array = colors.array as Float32Array;
    let lit = false;
    for (let r = 0; r < this.#regions.length; r++) {
      // Chance a spark lights this frame: proportional to the rate, about one lit spark per 2 Hz.
      const p = Math.min(0.5, this.#regions[r].rate / 200);
      const base = this.#regions[r].base;
      for (let i = 0; i < SPARKS_PER_REGION; i++) {
        const k = r * SPARKS_PER_REGION + i;
        const previous = this.#sparkLevel[k];
        if (previous === 0 && p === 0) continue;
        const v = Math.random() < p ? 1 : previous > 0.004 ? previous * 0.82 : 0;
        this.#sparkLevel[k] = v;
        array[3 * k] = v * (0.5 + 0.5 * base.r);
        array[3 * k + 1] = v * (0.5 + 0.5 * base.g);
        array[3 * k + 2] = v * (0.5 + 0.5 * base.b);
        lit = true;
      }
    }
    // A quiet brain (most of the time at rest) uploads nothing.
    if (lit) colors.needsUpdate = true;
  }

  /** Moves the pulses in flight into instances 0..n-1 of the pulse mesh; an arrived pulse flashes its concept. */
  #pulseFrame(now: number): void {
    let kept = 0;
    let shown = 0;
    for (const pulse of this.#pulses) {
      const t = (now - pulse.start) / HOP_MS;
      if (t >= 1) {
        this.#flash(pulse.to, pulse.color.r, pulse.color.g, pulse.color.b);
        continue;
      }
      this.#pulses[kept++] = pulse;
      if (t < 0) continue;
      const a = 3 * pulse.from;
      const b = 3 * pulse.to;
      this.#v.set(
        this.#nodePos[a] + (this.#nodePos[b] - this.#nodePos[a]) * t,
        this.#nodePos[a + 1] + (this.#nodePos[b + 1] - this.#nodePos[a + 1]) * t,
        this.#nodePos[a + 2] + (this.#nodePos[b + 2] - this.#nodePos[a + 2]) * t,
      );
      this.#pulseMesh.setMatrixAt(shown, this.#m.makeTranslation(this.#v));
      this.#pulseMesh.setColorAt(shown, pulse.color);
      shown++;
    }
    this.#pulses.length = kept;
    if (shown > 0 || this.#pulseMesh.count > 0) {
      this.#pulseMesh.count = shown;
      this.#pulseMesh.instanceMatrix.needsUpdate = true;
      this.#pulseMesh.instanceColor!.needsUpdate = true;
    }
  }

  /** Fades the concepts' flashes; instance colours are rewritten only for concepts still flashing. */
  #flashFrame(): void {
    let changed = false;
    for (let k = 0; k < this.#nodeCount; k++) {
      const flash = this.#nodeFlash[k];
      if (flash === 0) continue;
      const next = flash > 0.01 ? flash * FLASH_DECAY : 0;
      this.#nodeFlash[k] = next;
      // The instance colour carries both hue and glow: base -> flash colour, brighter while it flashes.
      const boost = 1 + (FLASH_GLOW / NODE_GLOW) * next;
      this.#c.setRGB(
        (this.#nodeBase[3 * k] + (this.#nodeFlashColor[3 * k] - this.#nodeBase[3 * k]) * next) * boost,
        (this.#nodeBase[3 * k + 1] + (this.#nodeFlashColor[3 * k + 1] - this.#nodeBase[3 * k + 1]) * next) * boost,
        (this.#nodeBase[3 * k + 2] + (this.#nodeFlashColor[3 * k + 2] - this.#nodeBase[3 * k + 2]) * next) * boost,
      );
      this.#nodes.setColorAt(k, this.#c);
      changed = true;
    }
    if (changed) this.#nodes.instanceColor!.needsUpdate = true;
  }

  #placeLabels(): void {
    const v = this.#v;
    for (const label of this.#labelEls.values()) {
      let visible = true;
      if (label.region >= 0) {
        v.copy(this.#regions[label.region].core.position);
      } else {
        const k = this.#nodeIndex.get(label.concept);
        if (k === undefined) continue;
        v.fromArray(this.#nodePos, 3 * k);
        visible = this.#graphOpacity > 0.3;
      }
      v.project(this.#camera);
      visible &&= v.z < 1 && Math.abs(v.x) <= 1 && Math.abs(v.y) <= 1;
      if (visible !== label.shown) {
        label.shown = visible;
        label.el.style.visibility = visible ? 'visible' : 'hidden';
      }
      if (!visible) continue;
      const x = Math.round(((v.x + 1) / 2) * this.#width);
      const y = Math.round(((1 - v.y) / 2) * this.#height);
      if (x !== label.x || y !== label.y) {
        label.x = x;
        label.y = y;
        label.el.style.transform = `translate(${x}px, ${y}px)`;
      }
    }
  }
}
