import type { JSX } from 'react'
import './progress-meter.css'

interface ProgressMeterProps {
  /** 0–1, or null when the total is unknown (an indeterminate bar). */
  value: number | null
  label: string
  /** What a screen reader says instead of a bare percentage, e.g. "1.2 MB of 3 MB". */
  valueText?: string
  small?: boolean
  testId?: string
}

export function ProgressMeter({
  value,
  label,
  valueText,
  small,
  testId
}: ProgressMeterProps): JSX.Element {
  const pct = value === null ? null : Math.round(Math.min(1, Math.max(0, value)) * 100)
  return (
    <div
      className={small ? 'progress-meter small' : 'progress-meter'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct ?? undefined}
      aria-valuetext={valueText}
      data-testid={testId}
      data-indeterminate={pct === null ? 'true' : undefined}
    >
      <div className="progress-meter-fill" style={{ width: pct === null ? '30%' : `${pct}%` }} />
    </div>
  )
}
