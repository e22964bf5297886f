import { Box, Button, IconButton, Paper, Stack, Tooltip, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import { DragDropContext, Draggable, Droppable, type DropResult } from '@hello-pangea/dnd';
import { useFieldArray, useWatch } from 'react-hook-form';
import { BooleanInput, NumberInput, required, SelectInput, TextInput, useTranslate } from 'react-admin';

import { nextKey, typeChoices, type QuestionInForm } from './questionnaire';

const REQUIRED = [required()];

/** The settings one question's type needs: options for choices, a range for numbers and ratings. */
const TypeSettings = ({ index }: { index: number }) => {
  const type = useWatch({ name: `questions.${index}.type` }) as QuestionInForm['type'] | undefined;
  if (type === 'single' || type === 'multiple') {
    return (
      <TextInput
        source={`questions.${index}.options`}
        label="crm.questionnaire.options"
        helperText="crm.questionnaire.options_hint"
        multiline
        minRows={3}
        // kept as a list in the record, edited one a line
        format={(v: unknown) => (Array.isArray(v) ? v.join('\n') : ((v as string | undefined) ?? ''))}
        validate={REQUIRED}
        fullWidth
      />
    );
  }
  if (type === 'number' || type === 'rating') {
    return (
      <Stack direction="row" spacing={2}>
        <NumberInput source={`questions.${index}.min`} label="crm.questionnaire.min" helperText={false} />
        <NumberInput source={`questions.${index}.max`} label="crm.questionnaire.max" helperText={false} />
      </Stack>
    );
  }
  return null;
};

/**
 * The ordered questions of a questionnaire: add, remove, and drag a question by its handle
 * (or focus the handle: space, arrows, space) to move it. The order saved is the order shown.
 */
export const QuestionsInput = () => {
  const translate = useTranslate();
  const { fields, append, remove, move } = useFieldArray({ name: 'questions' });
  const current = (useWatch({ name: 'questions' }) as QuestionInForm[] | undefined) ?? [];

  const onDragEnd = (result: DropResult) => {
    if (result.destination && result.destination.index !== result.source.index) move(result.source.index, result.destination.index);
  };

  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate('crm.questionnaire.section_questions')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(fields.length ? 'crm.questionnaire.drag_hint' : 'crm.questionnaire.no_questions')}
      </Typography>
      <DragDropContext onDragEnd={onDragEnd}>
        <Droppable droppableId="questions">
          {drop => (
            <Stack ref={drop.innerRef} {...drop.droppableProps} spacing={1.5}>
              {fields.map((field, index) => (
                <Draggable key={field.id} draggableId={field.id} index={index}>
                  {(drag, snapshot) => (
                    <Paper
                      ref={drag.innerRef}
                      {...drag.draggableProps}
                      variant="outlined"
                      data-testid={`question-${index}`}
                      sx={{ p: 1.5, display: 'flex', gap: 1, bgcolor: snapshot.isDragging ? 'action.hover' : undefined }}
                    >
                      <Box
                        {...drag.dragHandleProps}
                        aria-label={translate('crm.questionnaire.handle', { number: index + 1 })}
                        sx={{ display: 'flex', alignItems: 'flex-start', pt: 2, cursor: 'grab', color: 'text.secondary' }}
                      >
                        <DragIndicatorIcon fontSize="small" />
                      </Box>
                      <Box sx={{ flex: 1, minWidth: 0 }}>
                        <Typography variant="caption" color="text.secondary">
                          {translate('crm.questionnaire.question_number', { number: index + 1 })}
                        </Typography>
                        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '3fr 1fr 1fr' }, columnGap: 2 }}>
                          <TextInput source={`questions.${index}.label`} label="crm.questionnaire.label" validate={REQUIRED} helperText={false} />
                          <SelectInput source={`questions.${index}.type`} label="crm.questionnaire.type" choices={typeChoices} validate={REQUIRED} helperText={false} />
                          <TextInput source={`questions.${index}.key`} label="crm.questionnaire.key" helperText="crm.questionnaire.key_hint" validate={REQUIRED} />
                        </Box>
                        <TypeSettings index={index} />
                        <BooleanInput source={`questions.${index}.required`} label="crm.questionnaire.required" helperText={false} />
                      </Box>
                      <Tooltip title={translate('crm.questionnaire.remove_question')}>
                        <IconButton aria-label={translate('crm.questionnaire.remove_question')} onClick={() => remove(index)} sx={{ alignSelf: 'flex-start' }}>
                          <DeleteOutlineIcon />
                        </IconButton>
                      </Tooltip>
                    </Paper>
                  )}
                </Draggable>
              ))}
              {drop.placeholder}
            </Stack>
          )}
        </Droppable>
      </DragDropContext>
      <Button
        startIcon={<AddIcon />}
        sx={{ mt: 1.5 }}
        onClick={() => append({ key: nextKey(current), label: '', type: 'single', required: false, options: '' })}
      >
        {translate('crm.questionnaire.add_question')}
      </Button>
    </Box>
  );
};
