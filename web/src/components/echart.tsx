import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';

// Only the parts the app draws are bundled (the full echarts is ~1 MB): add a chart type or component here to use it.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type EChartOption = echarts.EChartsCoreOption;

interface EChartProps {
  option: EChartOption;
  style?: CSSProperties;
  /** what a screen reader announces for the picture (the numbers are in the table beside it) */
  ariaLabel: string;
  /** a click on a bar, a slice or a point: the series and the category of what was clicked */
  onItemClick?: (item: { seriesIndex: number; dataIndex: number; name: string }) => void;
}

/**
 * One ECharts instance per mounted element: made on mount, given each new option (replacing the old one
 * whole), resized with its box, disposed on unmount.
 */
export function EChart({ option, style, ariaLabel, onItemClick }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;

  useEffect(() => {
    const el = box.current!;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => {
      const e = p as { seriesIndex?: number; dataIndex: number; name: string };
      clickRef.current?.({ seriesIndex: e.seriesIndex ?? 0, dataIndex: e.dataIndex, name: e.name });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} role="img" aria-label={ariaLabel} style={{ width: '100%', height: 360, ...style }} />;
}
