import { type RefObject, useEffect, useRef, useState } from 'react';
import { echarts } from './echarts.ts';

/**
 * One ECharts instance for the element's lifetime, resized with it; `ready` once it has drawn.
 * Memoize `option`. The option is drawn only while the element has a size: a map laid out in a box
 * of 0×0 (a page still being laid out, a folded card) has no invertible transform, and ECharts
 * throws on it; the resize that gives the box its size draws the option it was holding.
 */
export function useChart(element: RefObject<HTMLDivElement | null>, option: unknown) {
  const chart = useRef<echarts.ECharts | null>(null);
  const latest = useRef<unknown>(null);
  const drawn = useRef<unknown>(null);
  const [ready, setReady] = useState(false);

  const draw = useRef(() => {
    const el = element.current;
    const instance = chart.current;
    if (!el || !instance || !latest.current || drawn.current === latest.current) return;
    if (el.clientWidth === 0 || el.clientHeight === 0) return;
    instance.setOption(latest.current as never, { notMerge: true });
    drawn.current = latest.current;
  });

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('finished', () => setReady(true));
    const observer = new ResizeObserver(() => {
      if (el.clientWidth === 0 || el.clientHeight === 0) return;
      instance.resize();
      draw.current();
    });
    observer.observe(el);
    draw.current();
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      drawn.current = null;
    };
  }, [element]);

  useEffect(() => {
    latest.current = option;
    draw.current();
  }, [option]);

  return { chart, ready };
}
