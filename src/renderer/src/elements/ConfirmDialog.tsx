import type { JSX, ReactNode } from 'react'
import { ModalDialog } from './ModalDialog'
import './buttons.css'

interface ConfirmDialogProps {
  title: string
  children: ReactNode
  confirmLabel: string
  cancelLabel: string
  /** Destructive actions get the danger style; the safe button takes the first focus. */
  danger?: boolean
  busy?: boolean
  onConfirm: () => void
  onCancel: () => void
  testId?: string
}

/** "Are you sure?" on top of ModalDialog. Cancel has the initial focus, so Enter right
 * after opening never destroys anything. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  danger,
  busy,
  onConfirm,
  onCancel,
  testId
}: ConfirmDialogProps): JSX.Element {
  return (
    <ModalDialog
      title={title}
      onClose={onCancel}
      testId={testId}
      footer={
        <>
          <button type="button" className="text-button" data-autofocus onClick={onCancel}>
            {cancelLabel}
          </button>
          <button
            type="button"
            className={danger ? 'primary danger' : 'primary'}
            disabled={busy}
            onClick={onConfirm}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </ModalDialog>
  )
}
