/**
 * A bar chart of twelve months, one series per year, drawn by Chart.js on a canvas. Loaded
 * with React.lazy after the page's figures are on screen (the library is the page's largest
 * part). The canvas is an image for screen readers (its label says what it shows); the same
 * numbers are in the tables below it.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Only what a bar chart needs: Chart.js is tree-shaken to these parts.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface ChartSeries {
  label: string;
  colour: string;
  values: Array<number | null>;
}

export interface MonthlyBarChartProps {
  title: string;
  monthLabels: string[];
  series: ChartSeries[];
  /** Axis and tooltip text of a value: « 1 200 € », « 57 % ». */
  formatValue: (value: number) => string;
  /** Fixed top of the scale (1 for rates), else Chart.js picks it. */
  max?: number;
}

export default function MonthlyBarChart({
  title,
  monthLabels,
  series,
  formatValue,
  max,
}: MonthlyBarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: monthLabels,
        datasets: series.map((item) => ({
          label: item.label,
          data: item.values,
          backgroundColor: item.colour,
          borderRadius: 3,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // Phones: no animation to wait for, nothing moving while the owner reads.
        animation: false,
        locale: 'fr-FR',
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              label: (context) =>
                `${context.dataset.label ?? ''} : ${formatValue(context.parsed.y ?? 0)}`,
            },
          },
        },
        scales: {
          y: {
            beginAtZero: true,
            ...(max === undefined ? {} : { max }),
            ticks: { callback: (value) => formatValue(Number(value)) },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [monthLabels, series, formatValue, max]);

  return (
    <div className="stats-chart">
      <canvas ref={canvas} role="img" aria-label={title} />
    </div>
  );
}
