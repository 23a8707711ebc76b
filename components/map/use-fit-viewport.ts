"use client";
// Sizes an element from its top edge down to the bottom of the window (less a margin), so the map fits
// the screen whatever the header above it measures (a phone's header is taller) and never runs past
// the bottom. Follows window resizes and phone rotations.
import { useEffect, useRef } from "react";

/** Room kept below the map (px): the page's bottom padding. */
const BOTTOM_MARGIN_PX = 16;
/** A map is never shorter than this (px), even in a very short window. */
const MIN_HEIGHT_PX = 240;

export function useFitViewport<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(function fitToViewport() {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style.height = `${Math.max(MIN_HEIGHT_PX, window.innerHeight - top - BOTTOM_MARGIN_PX)}px`;
    };
    fit();
    window.addEventListener("resize", fit);
    return function stopFitting() { window.removeEventListener("resize", fit); };
  }, []);
  return ref;
}
