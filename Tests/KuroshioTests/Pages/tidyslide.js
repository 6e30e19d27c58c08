/*!
 * tidyslide v2.4.0 - a small dependency-free content slider
 * https://github.test/okapi-ui/tidyslide
 *
 * Copyright (c) 2016-2019 Okapi UI contributors
 * Released under the MIT license
 */
(function (root, factory) {
    if (typeof define === 'function' && define.amd) {
        define([], factory);
    } else if (typeof module === 'object' && module.exports) {
        module.exports = factory();
    } else {
        root.TidySlide = factory();
    }
}(this, function () {
    'use strict';

    var defaults = {
        speed: 300,
        loop: true,
        autoplay: false,
        interval: 5000,
        onChange: null
    };

    function extend(target, source) {
        for (var key in source) {
            if (Object.prototype.hasOwnProperty.call(source, key)) {
                target[key] = source[key];
            }
        }
        return target;
    }

    function TidySlide(element, options) {
        var _ = this;
        _.options = extend(extend({}, defaults), options || {});
        _.$slider = typeof element === 'string' ? document.querySelector(element) : element;
        _.$track = _.$slider.querySelector('.tidyslide-track');
        _.$slides = _.$track.children;
        _.current = 0;
        _.timer = null;
        _.init();
    }

    TidySlide.prototype.init = function () {
        var _ = this;
        _.$slider.classList.add('tidyslide-ready');
        _.$track.style.transition = 'transform ' + _.options.speed + 'ms ease';
        _.bindEvents();
        if (_.options.autoplay) {
            _.play();
        }
    };

    TidySlide.prototype.bindEvents = function () {
        var _ = this;
        _.$slider.addEventListener('click', function (event) {
            if (event.target.matches('.tidyslide-next')) {
                _.next();
            } else if (event.target.matches('.tidyslide-prev')) {
                _.prev();
            }
        });
        _.$slider.addEventListener('mouseenter', function () {
            _.pause();
        });
        _.$slider.addEventListener('mouseleave', function () {
            if (_.options.autoplay) {
                _.play();
            }
        });
    };

    TidySlide.prototype.goTo = function (index) {
        var _ = this;
        var count = _.$slides.length;
        if (_.options.loop) {
            index = (index + count) % count;
        } else {
            index = Math.max(0, Math.min(index, count - 1));
        }
        _.current = index;
        _.$track.style.transform = 'translate3d(' + (-100 * _.current) + '%, 0, 0)';
        if (typeof _.options.onChange === 'function') {
            _.options.onChange.call(_, _.current);
        }
        return _;
    };

    TidySlide.prototype.next = function () {
        var _ = this;
        return _.goTo(_.current + 1);
    };

    TidySlide.prototype.prev = function () {
        var _ = this;
        return _.goTo(_.current - 1);
    };

    TidySlide.prototype.play = function () {
        var _ = this;
        _.pause();
        _.timer = setInterval(function () {
            _.next();
        }, _.options.interval);
        return _;
    };

    TidySlide.prototype.pause = function () {
        var _ = this;
        if (_.timer !== null) {
            clearInterval(_.timer);
            _.timer = null;
        }
        return _;
    };

    TidySlide.prototype.destroy = function () {
        var _ = this;
        _.pause();
        _.$slider.classList.remove('tidyslide-ready');
        _.$track.style.transform = 'translate3d(' + (-100 * _.current) + '%, 0, 0)';
        _.$track.style.transition = '';
    };

    return TidySlide;
}));
