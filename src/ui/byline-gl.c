/* byline-gl.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-gl"

#include "config.h"

#include <epoxy/gl.h>

#include "byline-gl.h"

/* Where there is no GPU (a virtual machine, a remote desktop, Xvfb) Mesa
 * draws OpenGL on the CPU, and GTK 4.8's GL renderer then redraws the whole
 * window for every frame through it. Its cairo renderer draws the same
 * widgets, only what changed, in a fraction of the time: Byline's first
 * frame came 1.5 times sooner, and typing took a seventh of the CPU
 * (bench/README.md, "Result: drawing without a GPU").
 * Later GTK releases stopped trusting llvmpipe as well. */

/**
 * byline_gl_renderer_is_software:
 * @gl_renderer: (nullable): the `GL_RENDERER` string of an OpenGL context
 *
 * Returns: whether @gl_renderer names one of Mesa's CPU rasterizers
 */
gboolean
byline_gl_renderer_is_software (const char *gl_renderer)
{
  static const char * const software[] = { "llvmpipe", "softpipe", "Software Rasterizer" };

  if (gl_renderer == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    if (strstr (gl_renderer, software[i]) != NULL)
      return TRUE;

  return FALSE;
}

/**
 * byline_gl_dup_renderer_name:
 * @display: a display
 *
 * Returns: (transfer full) (nullable): the `GL_RENDERER` of an OpenGL
 *   context on @display, %NULL without OpenGL
 */
char *
byline_gl_dup_renderer_name (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  char *name;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (!gdk_display_prepare_gl (display, &error) ||
      (context = gdk_display_create_gl_context (display, &error)) == NULL ||
      !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No OpenGL: %s", error->message);
      return NULL;
    }

  gdk_gl_context_make_current (context);
  name = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();

  return name;
}

/**
 * byline_gl_choose_renderer:
 * @display: the display the windows will open on, before any is realized
 *
 * Asks GTK to draw @display's windows with its cairo renderer when OpenGL is
 * drawn by the CPU. A `GSK_RENDERER` set in the environment is left to win;
 * without OpenGL at all GTK falls back to cairo by itself.
 *
 * Returns: (nullable): "cairo" when it was chosen, %NULL when GTK chooses
 */
const char *
byline_gl_choose_renderer (GdkDisplay *display)
{
  g_autofree char *gl_renderer = NULL;
  gboolean software;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (g_getenv ("GSK_RENDERER") != NULL)
    return NULL;

  gl_renderer = byline_gl_dup_renderer_name (display);
  software = byline_gl_renderer_is_software (gl_renderer);
  g_debug ("OpenGL renderer “%s”: drawing with %s", gl_renderer ? gl_renderer : "(none)",
           software ? "cairo" : "GTK’s default");
  if (!software)
    return NULL;

  /* GTK 4.8 looks at this before its own choice (and before GSK_RENDERER,
   * hence the check above). */
  g_object_set_data (G_OBJECT (display), "gsk-renderer", (gpointer) "cairo");
  return "cairo";
}
