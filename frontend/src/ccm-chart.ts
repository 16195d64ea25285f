/*
 * <ccm-chart>: an Apache ECharts chart whose option is a JSON string set from the server (EChart.java).
 * Fills its host (default 100% x 360px; the server overrides it with a style), follows the host's size,
 * and dispatches `chart-click` with the clicked data item so the server can drill down.
 *
 * JSON carries no functions: a custom series names a renderItem registered below with
 * echarts.registerCustomSeries ("renderItem": "interval"); formatters take string templates ("{value} h").
 */
import { css, html, LitElement, type PropertyValues } from 'lit';
import * as echarts from 'echarts/core';
import type { CustomSeriesRenderItem } from 'echarts';
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  DatasetComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  LineChart,
  BarChart,
  ScatterChart,
  CustomChart,
  AriaComponent,
  DatasetComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

/** Okabe-Ito: distinguishable with the common colour-vision deficiencies. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];

/**
 * An interval on a value or time x axis, in a row of a category y axis (a timeline, a Gantt chart):
 * data items [start, end, row], with "encode": {"x": [0, 1], "y": 2}.
 */
const interval: CustomSeriesRenderItem = (params, api) => {
  const row = api.value(2);
  const start = api.coord([api.value(0), row]);
  const end = api.coord([api.value(1), row]);
  const height = (api.size?.([0, 1]) as number[])[1] * 0.6;
  const grid = params.coordSys as unknown as { x: number; y: number; width: number; height: number };
  const shape = echarts.graphic.clipRectByRect(
    { x: start[0], y: start[1] - height / 2, width: Math.max(end[0] - start[0], 1), height },
    { x: grid.x, y: grid.y, width: grid.width, height: grid.height },
  );
  return shape ? { type: 'rect', transition: ['shape'], shape, style: { fill: api.visual('color') as string } } : null;
};

echarts.registerCustomSeries('interval', interval);

export interface ChartClickDetail {
  seriesName: string;
  seriesIndex: number;
  name: string;
  dataIndex: number;
  /** The item's value as JSON. */
  value: string;
}

export class CcmChart extends LitElement {
  static override properties = {
    option: { type: String },
  };

  static override styles = css`
    :host {
      display: block;
      width: 100%;
      height: 360px;
      font-family: var(--lumo-font-family);
    }
    #chart {
      width: 100%;
      height: 100%;
    }
  `;

  /** The ECharts option as JSON; applied whole (not merged) whenever it changes. */
  declare option: string;

  private chart?: echarts.ECharts;
  private resizeObserver?: ResizeObserver;

  constructor() {
    super();
    this.option = '';
  }

  protected override render() {
    return html`<div id="chart"></div>`;
  }

  protected override firstUpdated(): void {
    this.init();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // detached and attached again (moved by the server): the old chart was disposed on disconnect
    if (this.hasUpdated && !this.chart) {
      this.init();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.chart?.dispose();
    this.chart = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('option') && this.chart) {
      this.apply();
    }
  }

  private init(): void {
    const container = this.renderRoot.querySelector<HTMLDivElement>('#chart');
    if (!container || this.chart) {
      return;
    }
    this.chart = echarts.init(container, null, { renderer: 'svg' });
    this.chart.on('click', (params) => {
      if (params.componentType !== 'series') {
        return; // a markLine, markArea or other component: no data item to drill into
      }
      const detail: ChartClickDetail = {
        seriesName: params.seriesName ?? '',
        seriesIndex: params.seriesIndex ?? 0,
        name: params.name ?? '',
        dataIndex: params.dataIndex ?? -1,
        value: JSON.stringify(params.value ?? null),
      };
      this.dispatchEvent(new CustomEvent<ChartClickDetail>('chart-click', { detail, bubbles: true, composed: true }));
    });
    this.resizeObserver = new ResizeObserver(() => this.chart?.resize());
    this.resizeObserver.observe(this);
    this.apply();
  }

  private apply(): void {
    if (!this.chart || !this.option) {
      this.chart?.clear();
      return;
    }
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(this.option);
    } catch (e) {
      console.error('ccm-chart: the option is not valid JSON', e);
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      console.error('ccm-chart: the option is not a JSON object');
      return;
    }
    if (parsed.color === undefined) {
      parsed.color = PALETTE;
    }
    // ECharts draws text itself: give it the resolved Lumo font, not the CSS variable
    const font = getComputedStyle(this).fontFamily;
    if (font) {
      parsed.textStyle = { fontFamily: font, ...(parsed.textStyle as object | undefined) };
    }
    if (parsed.aria === undefined) {
      parsed.aria = { enabled: true }; // a generated description of the chart for screen readers
    }
    this.chart.setOption(parsed, true);
  }
}

if (!customElements.get('ccm-chart')) {
  customElements.define('ccm-chart', CcmChart);
}

declare global {
  interface HTMLElementTagNameMap {
    'ccm-chart': CcmChart;
  }
}
