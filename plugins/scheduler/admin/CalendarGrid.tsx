'use client'
/**
 * FullCalendar itself, loaded in the browser only (see EditorialCalendar). The calendar runs in
 * UTC on wall-clock times: a post at 09:00 in New York sits at 09:00 whatever the browser's zone.
 */
import type { EventDropArg, EventSourceInput } from '@fullcalendar/core'
import dayGridPlugin from '@fullcalendar/daygrid'
import interactionPlugin from '@fullcalendar/interaction'
import listPlugin from '@fullcalendar/list'
import FullCalendar from '@fullcalendar/react'
import timeGridPlugin from '@fullcalendar/timegrid'

const CalendarGrid = ({
  events,
  onDrop,
  narrow,
}: {
  events: EventSourceInput[]
  onDrop: (drop: EventDropArg) => void
  narrow: boolean
}) => (
  <>
    <style>{contrast}</style>
    <FullCalendar
      plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
      initialView={narrow ? 'listWeek' : 'dayGridMonth'}
      timeZone="UTC"
      headerToolbar={
        narrow
          ? { left: 'title', right: 'prev,next' }
          : {
              left: 'prev,next today',
              center: 'title',
              right: 'dayGridMonth,timeGridWeek,listMonth',
            }
      }
      footerToolbar={narrow ? { center: 'listWeek,dayGridMonth' } : undefined}
      views={{ listWeek: { buttonText: 'List' } }}
      eventSources={events}
      eventDrop={onDrop}
      editable
      height="auto"
      dayMaxEvents={4}
      // Blocks, not dots: the state's colour and name are the point of the month view.
      eventDisplay="block"
      eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
      // Words, not icon fonts: FullCalendar's chevrons are role="img" without a name.
      buttonIcons={false}
      buttonText={{
        prev: 'Previous',
        next: 'Next',
        month: 'Month',
        week: 'Week',
        list: 'List',
        today: 'Today',
      }}
      // FullCalendar's "+3 more" is an <a> with aria-expanded, which only a button may carry.
      moreLinkDidMount={({ el }) => el.setAttribute('role', 'button')}
      // A day cell is named by its date link alone, though it holds posts: axe flags the mismatch,
      // and the link inside names the day anyway.
      dayCellDidMount={({ el }) => el.removeAttribute('aria-labelledby')}
    />
  </>
)

/** FullCalendar greys the days of the next and last month to 1.8:1; these keep 4.5:1. */
const contrast = `
.fc .fc-toolbar-title { font-size: 1.4rem; }
.fc .fc-day-other .fc-daygrid-day-top { opacity: 1; color: #595959; }
.fc .fc-daygrid-more-link, .fc .fc-list-day-cushion a, .fc .fc-col-header-cell-cushion { color: var(--theme-text); }
`

export default CalendarGrid
