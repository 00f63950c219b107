import { LineChart } from 'echarts/charts';
import { use } from 'echarts/core';

// The shared EChart component bundles bars only; the trends of the stats pages also draw lines. Registering
// here keeps them out of the bundle of the pages that never show a trend.
use([LineChart]);
