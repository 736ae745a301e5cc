import type { JSX } from 'react'
import { ModalDialog } from '../../elements/ModalDialog'
import { NameField, NameFormFooter, useNameForm } from './name-form'
import '../../elements/buttons.css'

interface PlaylistNameDialogProps {
  title: string
  initial: string
  submitLabel: string
  onSubmit: (name: string) => Promise<boolean>
  onClose: () => void
}

/** Asks for a playlist's name (create and rename), cleaned by the rule the core stores by. */
export function PlaylistNameDialog(props: PlaylistNameDialogProps): JSX.Element {
  const form = useNameForm(props.initial, props.onSubmit, props.onClose)
  return (
    <ModalDialog title={props.title} onClose={props.onClose} testId="playlist-name-dialog">
      <form className="playlist-name-form" onSubmit={(e) => void form.submit(e)}>
        <NameField form={form} selectOnFocus />
        <NameFormFooter form={form} submitLabel={props.submitLabel} onCancel={props.onClose} />
      </form>
    </ModalDialog>
  )
}
