import { type RefObject, useEffect, useRef, useState } from 'react';
import { echarts } from './echarts.ts';

/** One ECharts instance for the element's lifetime, resized with it; `ready` once it has drawn. Memoize `option`. */
export function useChart(element: RefObject<HTMLDivElement | null>, option: unknown) {
  const chart = useRef<echarts.ECharts | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('finished', () => setReady(true));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [element]);
  useEffect(() => {
    if (chart.current && option) chart.current.setOption(option as never, { notMerge: true });
  }, [option]);
  return { chart, ready };
}
