/* byline-a11y.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Names for what GTK 4.8 leaves unnamed to a screen reader. */

#define G_LOG_DOMAIN "byline-a11y"

#include "config.h"

#include "byline-a11y.h"

static GtkWidget *
find_toggle_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_TOGGLE_BUTTON (child))
        return child;
      if ((found = find_toggle_button (child)) != NULL)
        return found;
    }

  return NULL;
}

/**
 * byline_a11y_name_drop_down:
 * @drop_down: a drop-down
 * @name: what it chooses, as a screen reader should say it
 *
 * Names the drop-down and the toggle button inside it: that button takes
 * the focus, and GTK 4.8 announces it by its type ("GtkToggleButton").
 */
void
byline_a11y_name_drop_down (GtkDropDown *drop_down,
                            const char  *name)
{
  GtkWidget *button;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (name != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  button = find_toggle_button (GTK_WIDGET (drop_down));
  if (button != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}
