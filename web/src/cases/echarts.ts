// ECharts for the case pages (map of cases, point picker, statistics charts). Imported only by
// lazily loaded case components, so only their chunks carry it.
import { BarChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  GeoComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  GeoComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  ScatterChart,
  BarChart,
  PieChart,
  CanvasRenderer,
]);

export { echarts };
