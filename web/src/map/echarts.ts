// ECharts, trimmed to what the grid map draws: one geo component (counties and grids as regions)
// with tooltips on the canvas renderer. Imported only by the map route, so only its chunk holds it.
import { GeoComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([GeoComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
